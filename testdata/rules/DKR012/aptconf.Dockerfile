FROM ubuntu:24.04
RUN printf 'APT::Install-Recommends "0";\nAPT::Install-Suggests "0";\n' > /etc/apt/apt.conf.d/01norecommends
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
