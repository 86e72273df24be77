resource "aws_ecs_task_definition" "api" {
  family = "api"

  container_definitions = jsonencode([
    {
      name   = "api"
      image  = "ghcr.io/acme/api:4.2.0"
      memory = 512
      healthCheck = {
        command  = ["wget", "-q", "-O-", "http://localhost:8080/health"]
        interval = 2
        timeout  = 5
        retries  = 3
      }
    },
    {
      name   = "worker"
      image  = "ghcr.io/acme/worker:4.2.0"
      memory = 512
      healthCheck = {
        command     = ["CMD-SHELL", "test -f /tmp/healthy || exit 1"]
        interval    = 30
        timeout     = 10
        retries     = 3
        startPeriod = 120
      }
    }
  ])
}
