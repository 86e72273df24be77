# pip.conf trusted-host, .npmrc strict-ssl=false and .condarc ssl_verify: false written by the build.
FROM python:3.12-slim
RUN printf "[global]\nindex-url = http://mirrors.example.com/pypi/simple/\ntrusted-host = mirrors.example.com\n" > /etc/pip.conf
RUN echo "strict-ssl=false" >> /root/.npmrc
RUN echo "ssl_verify: false" >> /root/.condarc
COPY <<EOF /etc/pip.conf
[global]
trusted-host = pypi.internal
EOF
RUN echo "ssl_verify: /etc/ssl/certs/ca.pem" >> /root/.condarc
USER nobody
