ARG SRC_STAGE=deps
FROM node:20 AS deps
RUN npm ci
FROM node:20 AS deps
RUN npm ci --omit=dev
FROM node:20-slim
COPY --from=${SRC_STAGE} /app/node_modules /app/node_modules
