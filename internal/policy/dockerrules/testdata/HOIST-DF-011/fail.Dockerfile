FROM debian:bookworm-slim
# want: HOIST-DF-011
RUN apt-get update && apt-get install -y --no-install-recommends curl
# want: HOIST-DF-011
RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y --no-install-recommends git && apt-get clean
