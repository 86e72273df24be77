# export NAME=value reaches every later command of the RUN, like ENV or a prefix does for one.
FROM node:20.11-bookworm-slim
RUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci
RUN set -eux; export GIT_SSL_NO_VERIFY=true; git clone https://example.com/repo.git /src
RUN declare -x PYTHONHTTPSVERIFY=0 && python3 fetch.py
# not exported: the variable stays in the shell, npm does not see it
RUN NODE_TLS_REJECT_UNAUTHORIZED=0; npm ci
RUN export NODE_TLS_REJECT_UNAUTHORIZED=1 NODE_ENV=production && npm ci
USER node
