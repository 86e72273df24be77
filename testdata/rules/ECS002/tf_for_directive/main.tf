# An %{for} directive over a variable's default renders iteration by
# iteration: the secret is found, at the line of the loop body (it pointed
# at the %{for}), and an unknown image elsewhere in the body of the
# iterations does not hide it.
variable "environment" {
  type = map(string)
  default = {
    LOG_LEVEL   = "info"
    DB_PASSWORD = "correct-horse-battery"
  }
}

variable "image" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family       = "app"
  network_mode = "awsvpc"
  container_definitions = <<EOF
[
  {
    "name": "app",
    "image": "${var.image}",
    "environment": [
      %{~for name, value in var.environment~}
      {"name": "${name}", "value": "${value}"},
      {"name": "${name}_IMAGE", "value": "${var.image}"},
      %{~endfor~}
      {"name": "PORT", "value": "8080"}
    ]
  }
]
EOF
}
