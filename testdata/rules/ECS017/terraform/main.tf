locals {
  cpu    = 2048
  memory = 2048
}

resource "aws_ecs_task_definition" "undersized" {
  family                   = "reporting"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = local.cpu
  memory                   = local.memory

  container_definitions = jsonencode([
    { name = "reporting", image = "ghcr.io/acme/reporting:1.9.0", essential = true }
  ])
}

resource "aws_ecs_task_definition" "bridge" {
  family                   = "legacy"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge"
  cpu                      = "256"
  memory                   = "512"

  volume {
    name      = "logs"
    host_path = "/var/log/legacy"
  }

  container_definitions = jsonencode([
    {
      name       = "legacy"
      image      = "ghcr.io/acme/legacy:0.4.0"
      privileged = true
      linuxParameters = {
        capabilities = { add = ["SYS_PTRACE", "SYS_ADMIN"] }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "ok" {
  family                   = "ok"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory

  volume {
    name = "scratch"
  }

  container_definitions = jsonencode([
    { name = "ok", image = "ghcr.io/acme/ok:1.0.0", essential = true }
  ])
}

variable "cpu" {
  type = number
}

variable "memory" {
  type = number
}
