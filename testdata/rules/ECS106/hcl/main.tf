resource "aws_ecs_service" "both" {
  name            = "web"
  cluster         = "prod"
  task_definition = "web:1"
  launch_type     = "FARGATE"

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}

resource "aws_ecs_service" "strategy_only" {
  name            = "api"
  cluster         = "prod"
  task_definition = "api:1"

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
    base              = 1
  }
}
