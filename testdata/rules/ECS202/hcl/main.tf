resource "aws_kms_key" "exec" {
  description = "ECS Exec"
}

resource "aws_ecs_cluster" "no_logging" {
  name = "no-logging"

  configuration {
    execute_command_configuration {
      logging = "NONE"
    }
  }
}

resource "aws_ecs_cluster" "override_plain" {
  name = "override-plain"

  configuration {
    execute_command_configuration {
      logging = "OVERRIDE"

      log_configuration {
        cloud_watch_log_group_name = "/ecs/exec"
      }
    }
  }
}

resource "aws_ecs_cluster" "override_kms" {
  name = "override-kms"

  configuration {
    execute_command_configuration {
      kms_key_id = aws_kms_key.exec.arn
      logging    = "OVERRIDE"

      log_configuration {
        cloud_watch_log_group_name = "/ecs/exec"
      }
    }
  }
}

resource "aws_ecs_cluster" "override_encrypted_bucket" {
  name = "override-s3"

  configuration {
    execute_command_configuration {
      logging = "OVERRIDE"

      log_configuration {
        s3_bucket_name               = "exec-logs"
        s3_bucket_encryption_enabled = true
      }
    }
  }
}

resource "aws_ecs_cluster" "default_logging" {
  name = "default"

  configuration {
    execute_command_configuration {
      logging = "DEFAULT"
    }
  }
}

resource "aws_ecs_cluster" "no_configuration" {
  name = "plain"
}
