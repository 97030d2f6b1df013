FROM debian:bookworm-slim
# want: HOIST-DF-013
RUN apt-get update && apt-get install --no-install-recommends curl
FROM fedora:41
# want: HOIST-DF-013
RUN dnf install git && dnf clean all
