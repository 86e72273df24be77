# escape=`
# Windows images call curl as curl.exe, often by its full path.
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN curl.exe -fSLk -o node.zip https://nodejs.org/dist/v20.11.0/node-v20.11.0-win-x64.zip
RUN C:\Windows\System32\curl.exe --insecure -o git.exe https://example.com/git.exe
RUN curl.exe -fSL -o go.zip https://go.dev/dl/go1.22.0.windows-amd64.zip
USER ContainerUser
