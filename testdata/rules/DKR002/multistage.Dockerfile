ARG GITHUB_TOKEN=plainvalue99
ARG UNUSED_SECRET=plainvalue77
FROM node:20 AS build
ARG GITHUB_TOKEN
ENV DB_PASSWORD=only-in-builder
RUN npm ci
FROM node:20-slim
ARG GITHUB_TOKEN
COPY --from=build /app /app
