FROM debian:12-slim
ARG TINI_URL=https://github.com/krallin/tini/releases/download/v0.19.0/tini
ENV JQ_BASE=https://github.com/jqlang/jq/releases/download
ARG BIN
ADD ${TINI_URL} /tini
ADD "https://example.com/tool.tar.gz" /opt/
ADD ${JQ_BASE}/jq-1.7.1/jq-linux-amd64 /usr/local/bin/jq
# not reported: a source whose value is unknown
ADD $BIN /usr/local/bin/
