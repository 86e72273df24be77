resource "aws_ecs_task_definition" "bridge" {
  family       = "web"
  network_mode = "bridge"

  container_definitions = jsonencode([
    {
      name   = "web"
      image  = "nginx:1.27"
      memory = 256
      portMappings = [
        { containerPort = 80, hostPort = 80 },
        { containerPort = 8080, hostPort = 0 }
      ]
    }
  ])
}

resource "aws_ecs_task_definition" "awsvpc" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512

  container_definitions = jsonencode([
    {
      name  = "api"
      image = "ghcr.io/acme/api:4.2.0"
      portMappings = [
        { containerPort = 8080, hostPort = 8080 },
        { containerPort = 9090, hostPort = 9091 }
      ]
    }
  ])
}
