# FROM base-${TARGETARCH} resolves to one of the stages above, which set
# USER: what the final stage inherits is unknown, so it is not reported.
FROM debian:12 AS base-amd64
RUN useradd app
USER app

FROM debian:12 AS base-arm64
RUN useradd app
USER app

FROM base-${TARGETARCH}
CMD ["app"]
