variable "repository_credentials" {
  default = ""
}

variable "ports" {
  default = [80, 443]
}

# The %{if} directives drop lines from the rendered JSON: findings after
# them still point at the line they are written on.
resource "aws_ecs_task_definition" "heredoc" {
  family = "heredoc"
  container_definitions = <<EOF
[{
  "name": "app",
  "image": "nginx:1.25",
  %{if var.repository_credentials != ""~}
  "repositoryCredentials": {
    "credentialsParameter": "${var.repository_credentials}"
  },
  %{~endif}
  "essential": true,
  "privileged": true
}]
EOF
}

resource "aws_ecs_task_definition" "templatefile" {
  family                = "templatefile"
  container_definitions = templatefile("${path.module}/containers.json.tpl", { ports = var.ports, debug = false })
}
