# The only container written here is not essential, but the other one comes
# from a variable and may well be: not reported.
variable "app_container" {
  type = any
}

resource "aws_ecs_task_definition" "app" {
  family = "app"

  container_definitions = jsonencode([
    {
      name      = "init"
      image     = "example/init:2.0"
      essential = false
      memory    = 128
    },
    var.app_container,
  ])
}
