# Celery worker with a multi-stage wheel build.
FROM python:3.12-slim AS builder
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential libpq-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt

FROM python:3.12-slim
ARG PIP_INDEX_TOKEN
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd -r worker && useradd -r -g worker worker
COPY --from=builder /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
WORKDIR /srv/worker
ADD worker/ ./
USER worker
HEALTHCHECK --interval=30s --timeout=10s CMD celery -A worker inspect ping || exit 1
CMD ["celery", "-A", "worker", "worker", "--loglevel=info"]
