resource "aws_ecr_repository" "public" {
  name = "public"
}

resource "aws_ecr_repository_policy" "public" {
  repository = aws_ecr_repository.public.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "ReadOnly"
        Effect    = "Allow"
        Principal = "*"
        Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      },
      {
        Sid       = "OrgOnly"
        Effect    = "Allow"
        Principal = "*"
        Action    = "ecr:BatchGetImage"
        Condition = {
          StringEquals = { "aws:PrincipalOrgID" = "o-abc123" }
        }
      }
    ]
  })
}

resource "aws_ecr_repository" "aws_star" {
  name = "aws-star"
}

resource "aws_ecr_repository_policy" "aws_star" {
  repository = aws_ecr_repository.aws_star.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = {
      Effect    = "Allow"
      Principal = { AWS = ["*"] }
      Action    = "ecr:*"
    }
  })
}

resource "aws_ecr_repository" "account" {
  name = "account"
}

resource "aws_ecr_repository_policy" "account" {
  repository = aws_ecr_repository.account.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "ecr:*"
    }]
  })
}
