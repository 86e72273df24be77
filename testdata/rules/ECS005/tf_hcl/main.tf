variable "user" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family = "app"

  container_definitions = jsonencode([
    {
      name  = "root"
      image = "example/app:1.0.0"
      user  = "0:0"
    },
    {
      name  = "default-user"
      image = "example/app:1.0.0"
    },
    {
      name  = "app-user"
      image = "example/app:1.0.0"
      user  = "1000:1000"
    },
    {
      name  = "from-variable"
      image = "example/app:1.0.0"
      user  = var.user
    }
  ])
}
