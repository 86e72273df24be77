# apt configured from a here-document: Assume-Yes and no recommends for every later apt-get (not reported).
FROM debian:12-slim
COPY <<EOF /etc/apt/apt.conf.d/99docker
APT::Get::Assume-Yes "true";
APT::Install-Recommends "false";
EOF
RUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*
USER nobody
