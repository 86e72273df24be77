variable "db_password" {
  type      = string
  sensitive = true
}

variable "environment" {
  type    = string
  default = "production"
}

resource "aws_ecs_task_definition" "api" {
  family                   = "orders-api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "${aws_ecr_repository.api.repository_url}:1.8.0"
      essential = true
      environment = [
        { name = "APP_ENV", value = var.environment },
        { name = "DB_PASSWORD", value = var.db_password },
        { name = "DB_PASSWORD_PLAIN", value = "orders-db-pass-2024" },
        { name = "JWT_SECRET_ARN", value = aws_secretsmanager_secret.jwt.arn },
        { name = "SLACK_WEBHOOK_TOKEN", value = "xoxb-2048-4096-AbCdEfGhIjKlMnOpQrStUvWx" },
      ]
      secrets = [
        { name = "STRIPE_API_KEY", valueFrom = aws_secretsmanager_secret.stripe.arn },
      ]
    }
  ])
}

resource "aws_ecs_task_definition" "worker" {
  family                = "orders-worker"
  container_definitions = <<-JSON
    [
      {
        "name": "worker",
        "image": "orders-worker:1.8.0",
        "memory": 512,
        "environment": [
          { "name": "GITLAB_TOKEN", "value": "glpat-Zx8kT2mPq4Rv7Ws9YbNc" },
          { "name": "QUEUE_NAME", "value": "orders" }
        ]
      }
    ]
  JSON
}
