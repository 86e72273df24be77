variable "container" {
  type = object({ name = string, user = string })
}

resource "aws_ecs_task_definition" "this" {
  family = var.container.name
  container_definitions = jsonencode([
    {
      name      = var.container.name
      image     = "example/${var.container.name}:1.0.0"
      essential = false
      user      = var.container.user
    },
  ])
}
