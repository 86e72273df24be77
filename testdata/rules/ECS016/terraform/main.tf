resource "aws_ecs_task_definition" "no_role" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512

  container_definitions = jsonencode([
    {
      name  = "api"
      image = "ghcr.io/acme/api:4.2.0"
      secrets = [
        { name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }
      ]
    }
  ])
}

resource "aws_ecs_task_definition" "with_role" {
  family                   = "api-ok"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = jsonencode([
    {
      name  = "api"
      image = "ghcr.io/acme/api:4.2.0"
      secrets = [
        { name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }
      ]
    }
  ])
}
