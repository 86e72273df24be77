# BuildKit copies only from stages defined earlier in the file.
FROM busybox:1.36 AS target
COPY --from=build /out /out
COPY --from=2 /etc/os-release /os-release

FROM alpine:3.19 AS build
COPY app /out

FROM target
COPY --from=build /out /again
USER nobody
