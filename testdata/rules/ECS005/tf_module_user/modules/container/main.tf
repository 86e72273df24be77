variable "name" {
  type = string
}

variable "user" {
  type = string
}

resource "aws_ecs_task_definition" "this" {
  family = var.name
  container_definitions = jsonencode([
    {
      name      = var.name
      image     = "example/${var.name}:1.0.0"
      essential = false
      user      = var.user
    },
  ])
}
