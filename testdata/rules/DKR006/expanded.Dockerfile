FROM debian:12-slim
ARG ROOTFS=rootfs.tar.xz
ARG CONF=app.conf
# not reported: a quoted URL and an ARG naming an archive are not plain local files
ADD "https://example.com/tool.tar.gz" /opt/
ADD ${ROOTFS} /
ADD $CONF /etc/app/
