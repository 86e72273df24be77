# Windows images named by their tag: nanoserver and servercore variants of
# multi-platform repositories. Not reported.
ARG BASE=mcr.microsoft.com/powershell
ARG TAG=lts-nanoserver-ltsc2022
FROM ${BASE}:${TAG} AS tools
SHELL ["pwsh", "-Command"]
RUN Write-Output ok

FROM mcr.microsoft.com/dotnet/framework/runtime:4.8-20220210-windowsservercore-ltsc2019 AS app
COPY --from=tools C:/tools C:/tools
ENTRYPOINT ["powershell.exe"]
