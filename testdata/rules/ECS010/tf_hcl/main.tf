resource "aws_ecs_task_definition" "node_exporter" {
  family                   = "node-exporter"
  requires_compatibilities = ["EC2"]
  network_mode             = "host"
  container_definitions    = jsonencode([{ name = "node-exporter", image = "prom/node-exporter:v1.8.2", memory = 128 }])
}

resource "aws_ecs_task_definition" "awsvpc" {
  family                = "awsvpc"
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "app", image = "example/app:1.0.0", memory = 128 }])
}
