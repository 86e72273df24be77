resource "aws_ecs_task_definition" "ec2_default" {
  family                   = "ec2-default"
  requires_compatibilities = ["EC2"]
  container_definitions    = jsonencode([{ name = "app", image = "example/app:1.0.0", memory = 256 }])
}

resource "aws_ecs_task_definition" "ec2_bridge" {
  family                = "ec2-bridge"
  network_mode          = "bridge"
  container_definitions = jsonencode([{ name = "app", image = "example/app:1.0.0", memory = 256 }])
}

resource "aws_ecs_task_definition" "fargate" {
  family                   = "fargate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "example/app:1.0.0" }])
}

resource "aws_ecs_task_definition" "windows" {
  family = "windows"
  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
  }
  container_definitions = jsonencode([{ name = "iis", image = "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022", memory = 2048 }])
}
