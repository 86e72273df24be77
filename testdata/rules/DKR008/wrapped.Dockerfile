# Code given to a shell behind sudo or env, or to su/runuser -c, runs like the RUN's own.
FROM node:20.11-bookworm
RUN su - node -c "curl -o- https://raw.githubusercontent.com/nvm-sh/nvm/v0.39.7/install.sh | bash"
RUN runuser -l node -c 'wget -qO- https://example.com/install.sh | sh'
RUN env HOME=/home/node sh -c "curl -fsSL https://example.com/setup | bash"
RUN su - node -c "curl -fsSLo /tmp/nvm.sh https://example.com/nvm.sh && bash /tmp/nvm.sh"
USER node
