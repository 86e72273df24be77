variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ecs_task_definition" "api" {
  family = "api"

  container_definitions = jsonencode([
    {
      name  = "api"
      image = "example/api:3.0.1"
      environment = [
        { name = "DB_HOST", value = "db.internal" },
        { name = "DB_PASSWORD", value = "Sup3rS3cretPassw0rd" },
        { name = "AWS_ACCESS_KEY_ID", value = "AKIAIOSFODNN7EXAMPLE" },
        { name = "API_TOKEN", value = var.db_password },
        { name = "SECRET_ARN", value = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db" },
      ]
      secrets = [
        { name = "DB_ROOT_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:root" }
      ]
    }
  ])
}
