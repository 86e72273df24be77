FROM alpine:3.19 AS build
USER root
RUN apk add --no-cache build-base
FROM alpine:3.19
USER root
RUN apk add --no-cache ca-certificates
USER 10001:10001
ARG UNKNOWN_USER
