variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "log_router_tag" {
  type    = string
  default = "2.32.0"
}

locals {
  app_image = "${var.image}"
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
      image     = local.app_image
      essential = true
    },
    {
      name      = "log-router"
      image     = "public.ecr.aws/aws-observability/aws-for-fluent-bit:${var.log_router_tag}"
      essential = false
    },
    {
      name      = "xray"
      image     = "amazon/aws-xray-daemon"
      essential = false
    },
  ])
}
