# sed writes its replacement: turning a check off is reported, turning it on is not.
FROM rockylinux:9.3
RUN sed -i 's/sslverify=1/sslverify=0/' /etc/yum.conf
RUN sed -i 's/gpgcheck=1/gpgcheck=0/g' /etc/yum.repos.d/*.repo
RUN sed -i 's|^#\?sslverify=.*|sslverify=false|' /etc/dnf/dnf.conf
RUN sed -i 's/^sslverify=0/sslverify=1/' /etc/yum.conf
RUN sed -i '/^gpgcheck=0/d' /etc/yum.repos.d/x.repo
USER nobody
