resource "aws_ecr_repository" "shared" {
  name = "shared"
}

data "aws_iam_policy_document" "shared" {
  statement {
    sid     = "PullFromAnywhere"
    actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }

  statement {
    sid     = "PullFromOrg"
    actions = ["ecr:BatchGetImage"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123"]
    }
  }
}

resource "aws_ecr_repository_policy" "shared" {
  repository = aws_ecr_repository.shared.name
  policy     = data.aws_iam_policy_document.shared.json
}

resource "aws_ecr_repository" "private" {
  name = "private"
}

data "aws_iam_policy_document" "private" {
  statement {
    actions = ["ecr:*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}

resource "aws_ecr_repository_policy" "private" {
  repository = aws_ecr_repository.private.name
  policy     = data.aws_iam_policy_document.private.json
}
