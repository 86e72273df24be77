# A variable that cannot name an earlier stage leaves an image: reported.
FROM debian:12 AS build
RUN make

FROM python:${PY_VERSION}-slim
CMD ["app"]
