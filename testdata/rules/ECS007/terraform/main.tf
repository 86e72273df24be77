variable "read_only" {
  type = bool
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name                   = "web"
      image                  = "web:3.14.0"
      readonlyRootFilesystem = true
    },
    {
      name                   = "xray-daemon"
      image                  = "public.ecr.aws/xray/aws-xray-daemon:3.3.12"
      essential              = false
      readonlyRootFilesystem = false
    },
    {
      name      = "log_router"
      image     = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2"
      essential = false
    },
    {
      name                   = "configurable"
      image                  = "configurable:1.0.0"
      essential              = false
      readonlyRootFilesystem = var.read_only
    }
  ])
}
