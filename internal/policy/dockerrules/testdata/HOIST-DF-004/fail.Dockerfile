FROM debian:bookworm-slim
# want: HOIST-DF-004
RUN sudo apt-get update
# want: HOIST-DF-004
RUN echo hi && DEBIAN_FRONTEND=noninteractive sudo -u root -E apt-get install -y curl
