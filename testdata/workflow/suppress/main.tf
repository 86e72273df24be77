// shipcheck:ignore ECS103 public subnet by design
resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.app.arn
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "acme/app:latest" # shipcheck:ignore ECS003
      # shipcheck:ignore ECS001 until=2020-01-01 health check later
      environment = []
    }
  ])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  task_definition = "api"
  # shipcheck:ignore ECS103 nested block
  network_configuration {
    subnets          = ["subnet-2"]
    assign_public_ip = true
  }
}
