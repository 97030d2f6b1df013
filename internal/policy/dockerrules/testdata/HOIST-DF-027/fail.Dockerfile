FROM alpine:3.20
# want: HOIST-DF-027
COPY id_rsa /root/.ssh/id_rsa
# want: HOIST-DF-027
COPY .env ./
# want: HOIST-DF-027
ADD .aws/credentials /root/.aws/credentials
# want: HOIST-DF-027
COPY certs/server.key /etc/ssl/private/
