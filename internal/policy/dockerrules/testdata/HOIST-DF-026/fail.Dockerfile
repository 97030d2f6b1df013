FROM alpine:3.20
# want: HOIST-DF-026
RUN mkdir -p /app/data && chmod -R 777 /app/data
# want: HOIST-DF-026
COPY --chmod=666 config.yml /etc/app/
# want: HOIST-DF-026
RUN chmod a+rwx /app
