resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/app"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "app" {
  family = "app"

  container_definitions = jsonencode([
    {
      name  = "no-logs"
      image = "example/app:1.0.0"
    },
    {
      name  = "none-driver"
      image = "example/app:1.0.0"
      logConfiguration = {
        logDriver = "none"
      }
    },
    {
      name  = "awslogs"
      image = "example/app:1.0.0"
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.app.name
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "app"
        }
      }
    }
  ])
}
