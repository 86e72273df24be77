FROM node:20-slim
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
ENV NODE_ENV=production
