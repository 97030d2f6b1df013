FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends --only-upgrade openssl && rm -rf /var/lib/apt/lists/*
FROM fedora:41
RUN dnf upgrade -y openssl
