FROM python:3.12-slim AS base
HEALTHCHECK --interval=30s --timeout=3s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"

FROM base AS app
COPY . /app
CMD ["python", "/app/main.py"]
