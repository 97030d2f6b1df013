FROM debian:bookworm-slim
# want: HOIST-DF-035
RUN apt update && apt install -y curl
