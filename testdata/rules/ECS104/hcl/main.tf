resource "aws_ecs_service" "stall" {
  name                               = "web"
  cluster                            = "prod"
  task_definition                    = "web:1"
  desired_count                      = 2
  deployment_maximum_percent         = 100
  deployment_minimum_healthy_percent = 100
}

resource "aws_ecs_service" "outage" {
  name                               = "api"
  cluster                            = "prod"
  task_definition                    = "api:1"
  desired_count                      = 3
  deployment_minimum_healthy_percent = 0
}

resource "aws_ecs_service" "daemon" {
  name                               = "agent"
  cluster                            = "prod"
  task_definition                    = "agent:1"
  scheduling_strategy                = "DAEMON"
  deployment_minimum_healthy_percent = 0
}

resource "aws_ecs_service" "autoscaled" {
  name                               = "worker"
  cluster                            = "prod"
  task_definition                    = "worker:1"
  deployment_minimum_healthy_percent = 0

  lifecycle {
    ignore_changes = [desired_count]
  }
}
