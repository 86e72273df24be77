variable "port" {
  type = number
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"

  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "nginx:1.25"
      essential = true
      portMappings = [
        { containerPort = var.port, protocol = "TCP" }
      ]
      environment = [
        { name = "PORT", value = 8080 },
        { name = "DEBUG", value = "false" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"        = "/ecs/app"
          "awslogs-create-group" = true
        }
      }
    }
  ])
}
