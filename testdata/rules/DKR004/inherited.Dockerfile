FROM alpine:3.19 AS base
USER root
RUN apk add --no-cache curl

FROM base
COPY app /app
CMD ["/app"]
