# conda and micromamba with certificate checks turned off.
FROM mambaorg/micromamba:1.5.8
RUN micromamba config set ssl_verify false && micromamba install -y -n base python=3.11
RUN conda config --set ssl_verify False && conda install -y numpy
ENV CONDA_SSL_VERIFY=false
# a CA bundle path keeps verification on
RUN conda config --set ssl_verify /etc/ssl/certs/corp-ca.pem
USER mambauser
