resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::012345678910:role/ecsTaskExecutionRole"

  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "nginx:1.25"
      essential = true
      cpu       = 128
      memory    = 256
      port_mappings = [
        { containerPort = 80 }
      ]
      healthcheck = {
        command = ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]
      }
      readOnlyRootFilesystem = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/app"
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "app"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "app" {
  name                 = "app"
  cluster              = "prod"
  task_definition      = aws_ecs_task_definition.app.arn
  desired_count        = 2
  force_new_deployment = true
  wait_for_steady_state = true

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
