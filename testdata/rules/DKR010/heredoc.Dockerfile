# syntax=docker/dockerfile:1
FROM rockylinux:9
RUN cat <<EOF > /etc/yum.repos.d/internal.repo
[internal]
baseurl=https://repo.example.com/el9
gpgcheck=1
sslverify=0
EOF
COPY <<EOF /etc/apt/apt.conf.d/99insecure
Acquire::https::Verify-Peer "false";
EOF
RUN tee /root/.curlrc <<EOF
insecure
EOF
# not reported: a script here-document (run, not written), and a file that keeps the check on
RUN <<EOF
echo hi
sslverify=0
EOF
COPY <<EOF /etc/yum.repos.d/ok.repo
[ok]
sslverify=1
EOF
