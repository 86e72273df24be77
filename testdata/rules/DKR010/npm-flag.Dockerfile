# npm with strict-ssl turned off on the command line.
FROM node:20
RUN npm ci --strict-ssl=false
RUN npm install -g --no-strict-ssl pnpm
RUN npm ci --strict-ssl=true
USER node
