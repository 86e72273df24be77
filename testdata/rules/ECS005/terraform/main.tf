resource "aws_ecs_task_definition" "app" {
  family                   = "profile"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "profile:4.2.0"
      user  = "10001:10001"
    },
    {
      name      = "log_router"
      image     = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2"
      essential = false
      user      = "0"
      firelensConfiguration = { type = "fluentbit" }
    },
    {
      name      = "xray-daemon"
      image     = "public.ecr.aws/xray/aws-xray-daemon:3.3.12"
      essential = false
    },
    {
      name      = "debug"
      image     = "profile-debug:4.2.0"
      essential = false
      user      = "root:root"
    }
  ])
}
