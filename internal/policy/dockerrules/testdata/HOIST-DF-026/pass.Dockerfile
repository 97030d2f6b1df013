FROM alpine:3.20
RUN mkdir -p /app/data && chmod -R 750 /app/data
COPY --chmod=644 config.yml /etc/app/
RUN chmod 1777 /scratch && chmod o-w /app && chmod +x /usr/local/bin/app
