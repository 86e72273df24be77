variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "user" {
  type = string
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512

  container_definitions = jsonencode([
    {
      name      = var.name
      image     = var.image
      user      = var.user
      essential = true
    },
  ])
}
