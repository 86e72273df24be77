# gosu to root keeps the process root
FROM debian:12-slim
ENTRYPOINT ["gosu", "root", "/usr/local/bin/server"]
