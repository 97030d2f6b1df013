FROM debian:bookworm-slim
RUN set -eux; set -o pipefail; curl -fsSL https://example.com/x.tar.gz | tar -xz -C /opt
RUN echo "abc  /tmp/x" | sha256sum -c -
RUN case "$(uname -m)" in x86_64|aarch64) echo ok ;; *) exit 1 ;; esac
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN find /opt -name '*.so' | xargs strip
