[
  {
    "name": "web",
    "image": "nginx:1.25",
    "portMappings": [
      %{ for i, p in ports ~}
      {
        "containerPort": ${p}
      }${i < length(ports) - 1 ? "," : ""}
      %{ endfor ~}
    ],
    %{ if debug ~}
    "environment": [
      { "name": "DEBUG", "value": "1" }
    ],
    %{ endif ~}
    "privileged": true
  }
]
