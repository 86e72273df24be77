# The log router comes from a variable: its name is unknown, so the
# dependency on it cannot be judged; only the self-dependency is certain.
variable "log_router" {
  type = any
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([
    var.log_router,
    {
      name      = "app"
      image     = "example/app:1.4.2"
      essential = true
      dependsOn = [
        { containerName = "log-router", condition = "START" },
        { containerName = "app", condition = "START" },
      ]
    },
  ])
}
