FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 ./local.deb $EXTRA
FROM alpine:3.20
RUN apk add --no-cache ca-certificates=20241121-r1 tzdata~2025
FROM fedora:41
RUN dnf install -y git-2.47.1
