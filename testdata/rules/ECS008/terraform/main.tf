variable "region" {
  type    = string
  default = "eu-west-1"
}

locals {
  log_configuration = {
    logDriver = "awslogs"
    options = {
      awslogs-group         = "/ecs/reports"
      awslogs-region        = var.region
      awslogs-stream-prefix = "reports"
    }
  }
}

resource "aws_ecs_task_definition" "reports" {
  family                   = "reports"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
  container_definitions = jsonencode([
    {
      name             = "reports"
      image            = "reports:2.0.0"
      logConfiguration = local.log_configuration
    },
    {
      name      = "xray-daemon"
      image     = "public.ecr.aws/xray/aws-xray-daemon:3.3.12"
      essential = false
    },
    {
      name      = "statsd"
      image     = "statsd-exporter:0.26.1"
      essential = false
      logConfiguration = {
        logDriver = "none"
      }
    },
    {
      name      = "sidecar"
      image     = "sidecar:1.0.0"
      essential = false
      logConfiguration = module.logging.log_configuration
    }
  ])
}
