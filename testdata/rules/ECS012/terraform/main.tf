variable "worker_memory" {
  type = number
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "billing-worker"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"

  container_definitions = jsonencode([
    {
      name              = "worker"
      image             = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/billing-worker:3.1.0"
      cpu               = 512
      memoryReservation = 512
      essential         = true
    },
    {
      name      = "statsd"
      image     = "statsd/statsd:v0.10.2"
      memory    = 128
      essential = false
    }
  ])
}

resource "aws_ecs_task_definition" "task_memory" {
  family                   = "reports"
  requires_compatibilities = ["EC2"]
  memory                   = 2048

  container_definitions = jsonencode([
    {
      name  = "reports"
      image = "ghcr.io/acme/reports:2024.06.1"
    }
  ])
}

resource "aws_ecs_task_definition" "variable_memory" {
  family = "variable"

  container_definitions = jsonencode([
    {
      name   = "app"
      image  = "ghcr.io/acme/app:1.0.0"
      memory = var.worker_memory
    }
  ])
}
