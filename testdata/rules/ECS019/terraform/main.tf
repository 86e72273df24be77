resource "aws_ecs_task_definition" "none" {
  family = "none"

  container_definitions = jsonencode([
    { name = "a", image = "ghcr.io/acme/a:1.0.0", memory = 128, essential = false },
    { name = "b", image = "ghcr.io/acme/b:1.0.0", memory = 128, essential = false }
  ])
}

resource "aws_ecs_task_definition" "default" {
  family = "default"

  container_definitions = jsonencode([
    { name = "a", image = "ghcr.io/acme/a:1.0.0", memory = 128 },
    { name = "b", image = "ghcr.io/acme/b:1.0.0", memory = 128, essential = false }
  ])
}

resource "aws_ecs_task_definition" "variable" {
  family = "variable"

  container_definitions = jsonencode([
    { name = "a", image = "ghcr.io/acme/a:1.0.0", memory = 128, essential = var.essential }
  ])
}

variable "essential" {
  type = bool
}
