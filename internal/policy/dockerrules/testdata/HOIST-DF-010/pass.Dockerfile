FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get -o APT::Install-Recommends=false install -y git
RUN apt-get update && apt-get install-not-a-subcommand
