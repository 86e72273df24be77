variable "name" {
  type = string
}

variable "github_token" {
  type = string
}

variable "environment" {
  type    = map(string)
  default = {}
}

locals {
  token_env = var.github_token == "" ? [] : [{ name = "GITHUB_TOKEN", value = var.github_token }]
}

resource "aws_ecs_task_definition" "this" {
  family = var.name

  container_definitions = jsonencode([
    {
      name      = var.name
      image     = "example/${var.name}:1.0.0"
      essential = true
      environment = concat(
        [for k, v in var.environment : { name = k, value = v }],
        local.token_env,
        [{ name = "ADMIN_PASSWORD", value = "changeme-admin-2024" }],
      )
    },
  ])
}
