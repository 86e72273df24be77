# Modules turn an environment map into the list ECS wants with the two-
# argument lookup(map, key), whose default Terraform makes optional.
variable "environment" {
  type = map(string)
  default = {
    LOG_LEVEL   = "info"
    DB_PASSWORD = "correct-horse-battery"
  }
}

locals {
  environment = [
    for key in sort(keys(var.environment)) : {
      name  = key
      value = lookup(var.environment, key)
    }
  ]
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([{
    name        = "app"
    image       = "example/app:1.0.0"
    environment = local.environment
  }])
}
