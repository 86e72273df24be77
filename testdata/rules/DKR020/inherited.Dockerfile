FROM debian:12-slim AS base
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
FROM base
RUN curl -fsSL https://example.com/a.tgz | tar -xz
