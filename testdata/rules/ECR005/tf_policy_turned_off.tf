# The lifecycle policy is behind a flag that is off by default, so the
# repository has none.
variable "create_lifecycle_policy" {
  type    = bool
  default = false
}

resource "aws_ecr_repository" "cache" {
  name                 = "cache"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_lifecycle_policy" "cache" {
  count      = var.create_lifecycle_policy ? 1 : 0
  repository = aws_ecr_repository.cache.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 7 }
      action       = { type = "expire" }
    }]
  })
}
