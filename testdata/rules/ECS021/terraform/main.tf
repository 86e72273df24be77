resource "aws_ecs_task_definition" "overcommitted" {
  family                   = "search"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([
    { name = "search", image = "ghcr.io/acme/search:8.14.0", memory = 1024, essential = true },
    { name = "exporter", image = "ghcr.io/acme/exporter:1.7.0", memory = 128, memoryReservation = 256 }
  ])
}

resource "aws_ecs_task_definition" "fits" {
  family                   = "search-ok"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([
    { name = "search", image = "ghcr.io/acme/search:8.14.0", memory = 768, essential = true },
    { name = "exporter", image = "ghcr.io/acme/exporter:1.7.0", memory = 256, memoryReservation = 128 }
  ])
}
