# ONBUILD RUN apt-get install without -y stops every build FROM this image.
FROM debian:12-slim
ONBUILD RUN apt-get update && \
    apt-get install --no-install-recommends build-essential && \
    rm -rf /var/lib/apt/lists/*
ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*
USER nobody
