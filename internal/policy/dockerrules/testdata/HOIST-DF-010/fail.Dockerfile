FROM debian:bookworm-slim
# want: HOIST-DF-010
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
# want: HOIST-DF-010
RUN ["apt-get", "install", "-y", "git"]
