FROM debian:bookworm-slim
# want: HOIST-DF-036
ENV DEBIAN_FRONTEND=noninteractive
