resource "aws_ecs_service" "public" {
  name            = "web"
  cluster         = "prod"
  task_definition = "web:1"
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0a1b2c3d"]
    security_groups  = ["sg-0123456789abcdef0"]
    assign_public_ip = true
  }
}

resource "aws_ecs_service" "private" {
  name            = "api"
  cluster         = "prod"
  task_definition = "api:1"
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0a1b2c3d"]
    assign_public_ip = false
  }
}

variable "public_ip" {
  type = bool
}

resource "aws_ecs_service" "unknown" {
  name            = "unknown"
  cluster         = "prod"
  task_definition = "api:1"

  network_configuration {
    subnets          = ["subnet-0a1b2c3d"]
    assign_public_ip = var.public_ip
  }
}
