# A heredoc whose %{if} directives add members under conditions that are
# unknown: the members may be there, so "maybe" is neither a missing
# healthCheck nor a privileged container, and the rest of the container
# is still checked (the :latest image is ECS004). A whole container behind
# such a directive may not exist: it is an unknown container.
variable "health" {
  type = any
}

variable "privileged" {
  type = bool
}

variable "xray" {
  type = bool
}

resource "aws_ecs_task_definition" "maybe" {
  family       = "maybe"
  network_mode = "awsvpc"
  container_definitions = <<EOF
[
  %{if var.xray}{ "name": "xray", "image": "amazon/aws-xray-daemon:3.3.7" },%{endif}
  {
    "name": "app",
    "image": "nginx:latest",
    %{if var.health != null~}
    "healthCheck": ${jsonencode(var.health)},
    %{~endif}
    %{if var.privileged}
    "privileged": true,
    %{endif}
    "essential": true
  }
]
EOF
}
