FROM node:20.11-bookworm-slim
# Kubernetes probes the pod; no image health check on purpose.
HEALTHCHECK NONE
USER node
CMD ["node", "server.js"]
