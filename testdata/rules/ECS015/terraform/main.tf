resource "aws_iam_role" "ecs" {
  name               = "app-ecs"
  assume_role_policy = data.aws_iam_policy_document.ecs_assume.json
}

resource "aws_iam_role" "task" {
  name               = "app-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_assume.json
}

resource "aws_ecs_task_definition" "shared" {
  family             = "shared"
  execution_role_arn = aws_iam_role.ecs.arn
  task_role_arn      = aws_iam_role.ecs.arn

  container_definitions = jsonencode([
    { name = "app", image = "ghcr.io/acme/app:1.0.0", memory = 256 }
  ])
}

resource "aws_ecs_task_definition" "separate" {
  family             = "separate"
  execution_role_arn = aws_iam_role.ecs.arn
  task_role_arn      = aws_iam_role.task.arn

  container_definitions = jsonencode([
    { name = "app", image = "ghcr.io/acme/app:1.0.0", memory = 256 }
  ])
}
