variable "transit_encryption" {
  type = string
}

resource "aws_ecs_task_definition" "cms" {
  family                   = "cms"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024

  volume {
    name = "media"

    efs_volume_configuration {
      file_system_id = aws_efs_file_system.media.id
      root_directory = "/media"
    }
  }

  volume {
    name = "cache"

    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.media.id
      transit_encryption = "DISABLED"
    }
  }

  volume {
    name = "uploads"

    efs_volume_configuration {
      file_system_id          = aws_efs_file_system.media.id
      transit_encryption      = "ENABLED"
      transit_encryption_port = 2999

      authorization_config {
        access_point_id = aws_efs_access_point.uploads.id
        iam             = "ENABLED"
      }
    }
  }

  volume {
    name = "configurable"

    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.media.id
      transit_encryption = var.transit_encryption
    }
  }

  container_definitions = jsonencode([
    { name = "cms", image = "ghcr.io/acme/cms:3.2.0", essential = true }
  ])
}
