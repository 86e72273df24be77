FROM node:20-slim AS base
USER node
FROM base
COPY . /app
