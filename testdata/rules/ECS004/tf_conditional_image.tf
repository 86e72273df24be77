# The image override is empty by default, so the repository's :latest is used.
variable "image_override" {
  type    = string
  default = ""
}

# No default: which branch is taken is unknown.
variable "use_release" {
  type = bool
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = var.image_override != "" ? var.image_override : "${aws_ecr_repository.api.repository_url}:latest"
      essential = true
    },
    {
      name      = "pinned"
      image     = var.image_override == "" ? "example/pinned:1.2.3" : var.image_override
      essential = true
    },
    {
      name      = "either"
      image     = var.use_release ? "example/either:1.0.0" : "example/either:latest"
      essential = true
    },
  ])
}
