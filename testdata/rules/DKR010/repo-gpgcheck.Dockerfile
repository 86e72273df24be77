# A yum repository written with gpgcheck=0 installs unsigned packages, unless its metadata is signed (repo_gpgcheck=1).
FROM rockylinux:9.3
RUN echo -e "[internal]\nbaseurl=https://repo.example.com/el9/\ngpgcheck=0\nenabled=1" > /etc/yum.repos.d/internal.repo
COPY <<EOF /etc/yum.repos.d/tools.repo
[tools]
baseurl=https://tools.example.com/rpm/
gpgcheck=0
repo_gpgcheck=0
EOF
COPY <<EOF /etc/yum.repos.d/nvidia-container-toolkit.repo
[nvidia-container-toolkit]
baseurl=https://nvidia.github.io/libnvidia-container/stable/rpm/x86_64
repo_gpgcheck=1
gpgcheck=0
gpgkey=https://nvidia.github.io/libnvidia-container/gpgkey
EOF
USER nobody
