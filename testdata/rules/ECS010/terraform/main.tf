resource "aws_ecs_task_definition" "edge" {
  family       = "haproxy-edge"
  network_mode = "host"
  container_definitions = jsonencode([
    { name = "haproxy", image = "haproxy:2.9.7", memory = 512 }
  ])
}

resource "aws_ecs_task_definition" "api" {
  family       = "api"
  network_mode = "awsvpc"
  container_definitions = jsonencode([
    { name = "api", image = "api:1.0.0", memory = 512 }
  ])
}
