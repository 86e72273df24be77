resource "aws_ecs_service" "exec" {
  name                   = "web"
  cluster                = "prod"
  task_definition        = "web:1"
  enable_execute_command = true
}

resource "aws_ecs_service" "no_exec" {
  name                   = "api"
  cluster                = "prod"
  task_definition        = "api:1"
  enable_execute_command = false
}
