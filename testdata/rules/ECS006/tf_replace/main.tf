# Container definitions "templated" with nested replace() calls over a
# file(), as modules did before templatefile(): the placeholders whose
# replacement is unknown stand for unknown values, the document is still
# checked (it was ERR002), and findings point into the file.
variable "image" {
  type = string
}

variable "port" {
  type = number
}

resource "aws_ecs_task_definition" "replaced" {
  family       = "replaced"
  network_mode = "awsvpc"
  container_definitions = replace(
    replace(
      replace(file("${path.module}/containers.json"), "@IMAGE@", var.image),
      "@PORT@", var.port
    ),
    "@PRIVILEGED@", "true"
  )
}

# The same over a local holding a heredoc: positions in the heredoc.
locals {
  sidecar = <<EOF
[
  {
    "name": "sidecar",
    "image": "@IMAGE@",
    "privileged": true
  }
]
EOF
}

resource "aws_ecs_task_definition" "replaced_local" {
  family                = "replaced-local"
  network_mode          = "awsvpc"
  container_definitions = replace(local.sidecar, "@IMAGE@", var.image)
}
