resource "aws_ecs_service" "no_rollback" {
  name            = "web"
  cluster         = "prod"
  task_definition = "web:1"

  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }
}

resource "aws_ecs_service" "ok" {
  name            = "api"
  cluster         = "prod"
  task_definition = "api:1"

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
