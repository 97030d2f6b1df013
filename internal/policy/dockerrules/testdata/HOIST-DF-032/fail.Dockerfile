FROM debian:bookworm-slim
# want: HOIST-DF-032
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
