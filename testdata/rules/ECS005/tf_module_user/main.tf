variable "app_user" {
  type = string
}

variable "migrate_user" {
  type = string
}

module "router" {
  source = "./modules/container"
  name   = "log-router"
  user   = "0"
}

module "app" {
  source = "./modules/container"
  name   = "app"
  user   = var.app_user
}

# A number passed to a string variable is converted: the value is not the
# one written, so the finding stays where the module uses it.
module "numeric" {
  source = "./modules/container"
  name   = "numeric"
  user   = 0
}

resource "aws_ecs_task_definition" "migrate" {
  family = "migrate"
  container_definitions = jsonencode([
    {
      name      = "migrate"
      image     = "example/migrate:1.0.0"
      essential = false
      user      = var.migrate_user
    },
  ])
}

# The module reads the user from an object: var.container.user is the
# member written in the call.
module "sidecar" {
  source = "./modules/object"
  container = {
    name = "sidecar"
    user = "root"
  }
}
