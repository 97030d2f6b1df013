FROM debian:bookworm-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# want: HOIST-DF-019
RUN curl -fsSL https://get.example.com | sh
# want: HOIST-DF-019
RUN wget -qO- https://example.com/install.sh | sudo bash -s -- --yes
# want: HOIST-DF-019
RUN sh -c "$(curl -fsSL https://example.com/install.sh)"
