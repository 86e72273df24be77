# Values that name a secret kept elsewhere are not secrets in the image.
FROM node:20.11-alpine
ARG GITHUB_TOKEN
# GitHub's token-as-user form: the token is the user, here a build argument.
ENV REPO_URL=https://${GITHUB_TOKEN}:x-oauth-basic@github.com/org/repo.git
# 1Password CLI (op run) and Jasypt resolve these when the program starts.
ENV DB_PASSWORD=op://prod/db/password \
    REDIS_PASSWORD=ENC(ZCcv8B6TyhvMHcARsUj+LvpcMiwndFKOMP/qKsLhBC8=)
ENV MYSQL_ROOT_PASSWORD example-root-pw
USER node
