FROM debian:bookworm-slim
# want: HOIST-DF-018
RUN curl -fsSL https://example.com/x.tar.gz | tar -xz -C /opt
SHELL ["/bin/bash", "-c"]
# want: HOIST-DF-018
RUN find /opt -name '*.so' | xargs strip
