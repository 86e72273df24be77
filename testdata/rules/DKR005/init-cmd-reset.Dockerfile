# An ENTRYPOINT in a later stage resets the CMD of the stage below: tini then runs nothing through su-exec.
FROM alpine:3.19 AS base
RUN apk add --no-cache tini su-exec && adduser -D app
CMD ["su-exec", "app", "node", "server.js"]

FROM base
ENTRYPOINT ["/sbin/tini", "--"]
