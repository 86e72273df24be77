# apt-get run through eatmydata or fakeroot is still apt-get.
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends eatmydata && \
    eatmydata apt-get install --no-install-recommends liquidsoap && \
    eatmydata apt-get install -y --no-install-recommends curl && \
    rm -rf /var/lib/apt/lists/*
USER nobody
