FROM localhost:5000/base AS one
FROM registry.example.com:5000/team/app:1.4.2 AS two
FROM ghcr.io/acme/tool@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS three
FROM public.ecr.aws/docker/library/alpine:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS four
FROM --platform=$BUILDPLATFORM golang:1.22 AS five
FROM scratch
COPY --from=five /out /
