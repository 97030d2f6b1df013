FROM debian:bookworm-slim
RUN curl -fsSL https://example.com/x -o /x
RUN apt-get install -y --no-install-recommends ca-certificates
ENV NODE_TLS_REJECT_UNAUTHORIZED=1
RUN wget -q https://example.com/y
