resource "aws_ecs_task_definition" "log_agent" {
  family                   = "log-agent"
  requires_compatibilities = ["EC2"]

  volume {
    name      = "docker-sock"
    host_path = "/var/run/docker.sock"
  }

  volume {
    name      = "docker-containers"
    host_path = "/var/lib/docker/containers"
  }

  volume {
    name      = "host-etc"
    host_path = "/etc/"
  }

  container_definitions = jsonencode([
    {
      name   = "agent"
      image  = "public.ecr.aws/datadog/agent:7.54.0"
      memory = 256
      mountPoints = [
        { sourceVolume = "docker-sock", containerPath = "/var/run/docker.sock", readOnly = true },
        { sourceVolume = "docker-containers", containerPath = "/var/lib/docker/containers", readOnly = true },
        { sourceVolume = "host-etc", containerPath = "/host/etc", readOnly = true }
      ]
    }
  ])
}

resource "aws_ecs_task_definition" "app" {
  family = "app"

  volume {
    name      = "data"
    host_path = "/srv/app-data"
  }

  volume {
    name = "scratch"
  }

  container_definitions = jsonencode([
    {
      name        = "app"
      image       = "ghcr.io/acme/app:1.0.0"
      memory      = 256
      mountPoints = [{ sourceVolume = "data", containerPath = "/data" }]
    }
  ])
}
