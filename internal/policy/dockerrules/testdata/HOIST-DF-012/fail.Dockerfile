FROM debian:bookworm-slim
# want: HOIST-DF-012
RUN apt-get update && apt-get -y dist-upgrade && rm -rf /var/lib/apt/lists/*
FROM alpine:3.20
# want: HOIST-DF-012
RUN apk upgrade --no-cache
