resource "aws_ecs_service" "pinned" {
  name             = "web"
  cluster          = "prod"
  task_definition  = "web:1"
  launch_type      = "FARGATE"
  platform_version = "1.4.0"
}

resource "aws_ecs_service" "spot_pinned" {
  name             = "batch"
  cluster          = "prod"
  task_definition  = "batch:1"
  platform_version = "1.3.0"

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}

resource "aws_ecs_service" "latest" {
  name             = "api"
  cluster          = "prod"
  task_definition  = "api:1"
  launch_type      = "FARGATE"
  platform_version = "LATEST"
}

resource "aws_ecs_service" "ec2" {
  name             = "legacy"
  cluster          = "prod"
  task_definition  = "legacy:1"
  launch_type      = "EC2"
  platform_version = "1.4.0"
}
