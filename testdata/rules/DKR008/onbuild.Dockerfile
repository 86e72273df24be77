# An ONBUILD RUN runs in every build FROM this image: its code is judged like a RUN's.
FROM alpine:3.19
SHELL ["/bin/ash", "-o", "pipefail", "-c"]
ONBUILD RUN curl -fsSL https://example.com/install.sh | sh
ONBUILD COPY . /app
ONBUILD RUN curl -fsSLo /tmp/x https://example.com/x && tar -xzf /tmp/x
USER nobody
ONBUILD RUN <<EOF
set -e
curl -fsSL https://example.com/setup.sh | bash
EOF
