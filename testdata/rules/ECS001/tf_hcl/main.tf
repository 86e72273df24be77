variable "container_definitions" {
  type        = string
  description = "Rendered elsewhere: not known here."
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.8.0"
      essential = true
      portMappings = [{ containerPort = 8080 }]
    },
    {
      name  = "api"
      image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.3.1"
      healthCheck = {
        command  = ["CMD-SHELL", "curl -f http://localhost:9000/health || exit 1"]
        interval = 30
      }
    },
    {
      name      = "log-router"
      image     = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0"
      essential = false
      firelensConfiguration = { type = "fluentbit" }
    },
    {
      name  = "xray"
      image = "public.ecr.aws/xray/aws-xray-daemon:3.3.7"
    }
  ])
}

# Container definitions that cannot be evaluated are not checked.
resource "aws_ecs_task_definition" "external" {
  family                = "external"
  container_definitions = var.container_definitions
}
