FROM alpine:3.19
RUN set -euxo pipefail; wget -qO- https://example.com/a.tgz | tar -xz
RUN ["/bin/bash", "-o", "pipefail", "-c", "echo ok"]
