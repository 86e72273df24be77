# Containers listed in a variable and completed by a for expression: a
# container taken whole from the list points at its element there.
variable "containers" {
  default = [
    { name = "app", image = "example/app:1.0.0" },
    { name = "proxy", image = "nginx:latest" },
  ]
}

resource "aws_ecs_task_definition" "for" {
  family = "for"
  container_definitions = jsonencode([
    for c in var.containers : merge(c, {
      essential = c.name == "app"
    })
  ])
}
