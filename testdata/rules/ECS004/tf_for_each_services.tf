# One task definition per entry of a map with a known default: each entry's
# image is checked; "nginx" has no tag.
variable "services" {
  default = {
    web = {
      image  = "nginx"
      cpu    = 256
      memory = 512
    }
    api = {
      image  = "example/api:2.4.1"
      cpu    = 256
      memory = 512
    }
  }
}

resource "aws_ecs_task_definition" "svc" {
  for_each                 = var.services
  family                   = each.key
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory

  container_definitions = jsonencode([
    {
      name      = each.key
      image     = each.value.image
      essential = true
    },
  ])
}
