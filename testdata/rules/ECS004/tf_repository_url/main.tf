# An ECR repository URL never carries a tag: used alone as the image it
# pulls :latest. With a tag or digest after it the image is pinned; a
# module output is evaluated (here a tagged image).
resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}

variable "release" {
  type = string
}

module "registry" {
  source = "./registry"
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name      = "untagged"
      image     = aws_ecr_repository.app.repository_url
      essential = true
    },
    {
      name      = "released"
      image     = "${aws_ecr_repository.app.repository_url}:${var.release}"
      essential = false
    },
    {
      name      = "pinned"
      image     = "${aws_ecr_repository.app.repository_url}@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
      essential = false
    },
    {
      name      = "from-module"
      image     = module.registry.repository_url
      essential = false
    },
    {
      name      = "public"
      image     = data.aws_ecrpublic_repository.web.repository_uri
      essential = false
    }
  ])
}
