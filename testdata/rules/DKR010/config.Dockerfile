FROM rockylinux:9
RUN rpm -ivh --nosignature https://example.com/pkg.rpm
RUN dnf install -y --setopt=sslverify=false --setopt=install_weak_deps=False jq
RUN yum install -y --setopt=epel.gpgcheck=0 htop
RUN echo "sslverify=false" >> /etc/yum.conf
RUN printf '[internal]\nbaseurl=https://repo.example.com\nsslverify=0\n' > /etc/yum.repos.d/internal.repo
RUN echo 'Acquire::https::Verify-Peer "false";' > /etc/apt/apt.conf.d/99insecure
RUN apt-get -o Acquire::https::Verify-Peer=false update
RUN apt-get update --allow-insecure-repositories
RUN echo insecure >> ~/.curlrc
RUN echo "check_certificate = off" >> /etc/wgetrc
RUN wget --no-check-cert -O /tmp/a.tgz https://example.com/a.tgz
RUN dnf config-manager --save --setopt='*.sslverify=false'
ENV GOINSECURE=git.example.com
RUN GOINSECURE=git.example.com go mod download
# not reported: checks left on, and unrelated dnf options
RUN dnf install -y --setopt=gpgcheck=1 --setopt=tsflags=nodocs jq
RUN echo "sslverify=1" >> /etc/yum.conf
RUN echo 'Acquire::https::Verify-Peer "true";' > /etc/apt/apt.conf.d/99verify
RUN echo "check_certificate = on" >> /etc/wgetrc
RUN echo insecure > /tmp/notes.txt
ENV GOINSECURE=
ENV GOPRIVATE=git.example.com
