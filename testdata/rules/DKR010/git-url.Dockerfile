# git's per-URL setting http.<url>.sslVerify turns verification off for that host.
FROM alpine:3.19
RUN git config --global http."https://gitlab.example.com/".sslVerify false
RUN git -c http.https://git.example.com/.sslVerify=false clone https://git.example.com/a/b.git
RUN git config --global http.sslVerify true
USER nobody
