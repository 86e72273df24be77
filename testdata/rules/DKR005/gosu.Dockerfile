# not reported: the entrypoint drops root through gosu after tini, the
# official images' pattern
FROM debian:12-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends gosu tini && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["/usr/bin/tini", "--", "gosu", "app", "/usr/local/bin/server"]

FROM base
COPY server /usr/local/bin/server
