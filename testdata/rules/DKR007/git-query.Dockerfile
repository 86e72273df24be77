# Git sources in BuildKit's query form are clones, not downloads: a ref,
# tag, branch or checksum in the query names what to check out.
FROM alpine:3.19
ADD https://github.com/jupp0r/prometheus-cpp.git?branch=master /src/prometheus-cpp
ADD --keep-git-dir https://luajit.org/git/luajit.git?ref=v2.1&subdir=src /src/luajit
ADD https://github.com/acme/lib.git?subdir=pkg /src/lib
