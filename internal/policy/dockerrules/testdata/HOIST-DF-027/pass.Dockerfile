FROM alpine:3.20 AS build
COPY id_rsa.pub /root/.ssh/authorized_keys
COPY .env.example ./
COPY certs/server.crt /etc/ssl/certs/
FROM alpine:3.20
COPY --from=build /root/.ssh/authorized_keys /keys
