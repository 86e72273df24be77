FROM alpine:3.19 AS a
RUN apk add --no-cache --allow-untrusted /tmp/custom.apk
FROM debian:12 AS b
RUN apt-get install -y --allow-unauthenticated legacy-tool
FROM fedora:40
RUN dnf install -y --nogpgcheck https://example.com/tool.rpm
RUN PYTHONHTTPSVERIFY=0 python3 fetch.py
