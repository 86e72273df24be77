variable "router_image" {
  type = string
}

module "container" {
  source   = "./container"
  for_each = local.containers

  name  = each.key
  image = each.value.image
  user  = try(each.value.user, null)
}

locals {
  containers = {
    # Runs as root on purpose, and its image is only known at apply time.
    log-router = {
      image = var.router_image
      user  = "0"
    }
    app = {
      image = "example/app:3.1.0"
      user  = "1000:1000"
    }
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([for name, c in module.container : c.definition])
}
