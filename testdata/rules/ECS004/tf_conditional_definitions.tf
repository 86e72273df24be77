# The module's default container definitions are used unless the caller
# passes its own; they hold an unknown data source attribute, so only the
# branch the known condition selects can be evaluated.
variable "container_definitions" {
  type    = string
  default = ""
}

data "aws_region" "current" {}

locals {
  default_container_definitions = jsonencode([
    {
      name  = "hello"
      image = "golang:latest"
      logConfiguration = {
        logDriver = "awslogs"
        options   = { "awslogs-region" = data.aws_region.current.name }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "main" {
  family                = "hello"
  container_definitions = var.container_definitions == "" ? local.default_container_definitions : var.container_definitions
}
