variable "image_tag" {
  type = string
}

variable "release" {
  type    = string
  default = "latest"
}

resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_task_definition" "app" {
  family = "app"

  container_definitions = jsonencode([
    {
      name  = "app"
      image = "${aws_ecr_repository.app.repository_url}:latest"
    },
    {
      name  = "proxy"
      image = "nginx"
    },
    {
      name  = "pinned"
      image = "${aws_ecr_repository.app.repository_url}:${var.image_tag}"
    },
    {
      name  = "digest"
      image = "nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"
    },
    {
      name  = "defaulted"
      image = "example/worker:${var.release}"
    }
  ])
}
