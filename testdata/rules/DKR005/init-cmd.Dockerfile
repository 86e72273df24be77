# ENTRYPOINT ["tini", "--"] runs the CMD: CMD ["su-exec", "app", ...] drops root (not reported).
FROM alpine:3.19
RUN apk add --no-cache tini su-exec && adduser -D app
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["su-exec", "app", "node", "server.js"]
