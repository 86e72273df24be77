resource "aws_ecs_service" "no_breaker" {
  name            = "web"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 2
  launch_type     = "FARGATE"
}

resource "aws_ecs_service" "disabled" {
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.worker.arn
  desired_count   = 1

  deployment_circuit_breaker {
    enable   = false
    rollback = false
  }
}

resource "aws_ecs_service" "with_breaker" {
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 2

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_ecs_service" "code_deploy" {
  name            = "legacy"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.legacy.arn
  desired_count   = 2

  deployment_controller {
    type = "CODE_DEPLOY"
  }
}

resource "aws_ecs_service" "blue_green" {
  name            = "bg"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.bg.arn
  desired_count   = 2

  deployment_configuration {
    strategy             = "BLUE_GREEN"
    bake_time_in_minutes = 5
  }
}

resource "aws_ecs_service" "alarms" {
  name            = "checkout"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.checkout.arn
  desired_count   = 2

  alarms {
    alarm_names = ["checkout-5xx"]
    enable      = true
    rollback    = true
  }
}

variable "breaker" {
  type = bool
}

resource "aws_ecs_service" "unknown" {
  name            = "unknown"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn

  deployment_circuit_breaker {
    enable   = var.breaker
    rollback = true
  }
}
