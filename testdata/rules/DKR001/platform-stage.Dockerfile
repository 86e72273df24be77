# FROM base-${TARGETARCH} may name a stage above that has a HEALTHCHECK.
FROM debian:12 AS base-amd64
HEALTHCHECK CMD true

FROM debian:12 AS base-arm64
HEALTHCHECK CMD true

FROM base-${TARGETARCH}
CMD ["app"]
