resource "aws_ecr_repository" "open" {
  name = "open"
}

resource "aws_ecr_repository_policy" "open" {
  repository = aws_ecr_repository.open.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AllButDelete"
        Effect    = "Allow"
        Principal = "*"
        NotAction = ["ecr:DeleteRepository"]
      },
      {
        Sid       = "NothingInEcr"
        Effect    = "Allow"
        Principal = "*"
        NotAction = "ecr:*"
      },
    ]
  })
}
