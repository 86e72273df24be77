FROM alpine:3.19
RUN apk update
RUN apk update && apk add --no-cache curl
RUN apk add --update --no-cache git
