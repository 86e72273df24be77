resource "aws_ecr_repository" "without_policy" {
  name = "without-policy"
}

resource "aws_ecr_repository" "with_policy" {
  name = "with-policy"
}

resource "aws_ecr_lifecycle_policy" "with_policy" {
  repository = aws_ecr_repository.with_policy.name
  policy     = file("${path.module}/lifecycle.json")
}

resource "aws_ecr_repository" "by_name" {
  name = "by-name"
}

resource "aws_ecr_lifecycle_policy" "by_name" {
  repository = "by-name"
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 14 }
      action       = { type = "expire" }
    }]
  })
}
