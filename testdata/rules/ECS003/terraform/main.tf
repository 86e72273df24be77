resource "aws_ecs_task_definition" "default_mode" {
  family                   = "legacy-web"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([
    { name = "web", image = "legacy-web:2.4.1", memory = 256, essential = true }
  ])
}

resource "aws_ecs_task_definition" "bridge" {
  family       = "grafana"
  network_mode = "bridge"
  container_definitions = jsonencode([
    { name = "grafana", image = "grafana/grafana-oss:10.4.2", memory = 512 }
  ])
}

resource "aws_ecs_task_definition" "fargate" {
  family                   = "checkout"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    { name = "checkout", image = "checkout:7.0.3" }
  ])
}

resource "aws_ecs_task_definition" "windows" {
  family                   = "iis"
  requires_compatibilities = ["EC2"]
  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
    cpu_architecture        = "X86_64"
  }
  container_definitions = jsonencode([
    { name = "iis", image = "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022", memory = 2048 }
  ])
}

resource "aws_ecs_task_definition" "mode_from_variable" {
  family       = "configurable"
  network_mode = var.network_mode
  container_definitions = jsonencode([
    { name = "app", image = "app:1.0.0", memory = 256 }
  ])
}

variable "network_mode" {
  type = string
}
