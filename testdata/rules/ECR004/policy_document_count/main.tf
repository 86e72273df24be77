# A policy document data source with count, read as
# data.aws_iam_policy_document.x[0].json (it was not resolved, and the
# policy went unchecked without a word).
variable "create" {
  type = bool
}

resource "aws_ecr_repository" "artifacts" {
  count                = var.create ? 1 : 0
  name                 = "artifacts"
  image_tag_mutability = "IMMUTABLE"
}

data "aws_iam_policy_document" "pull" {
  count = var.create ? 1 : 0

  statement {
    sid = "AllowPullFromEverywhere"
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
  }
}

resource "aws_ecr_repository_policy" "pull" {
  count      = var.create ? 1 : 0
  repository = aws_ecr_repository.artifacts[0].name
  policy     = data.aws_iam_policy_document.pull[0].json
}

# The same with for_each, read as data.aws_iam_policy_document.x[each.key].json.
variable "mirrors" {
  type = map(list(string))
}

resource "aws_ecr_repository" "mirror" {
  for_each             = var.mirrors
  name                 = each.key
  image_tag_mutability = "IMMUTABLE"
}

data "aws_iam_policy_document" "mirror" {
  for_each = var.mirrors

  statement {
    sid = "Readers"
    principals {
      type        = "AWS"
      identifiers = each.value
    }
    actions = ["ecr:BatchGetImage"]
  }

  statement {
    sid = "Everyone"
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    actions = ["ecr:BatchGetImage"]
  }
}

resource "aws_ecr_repository_policy" "mirror" {
  for_each   = var.mirrors
  repository = aws_ecr_repository.mirror[each.key].name
  policy     = data.aws_iam_policy_document.mirror[each.key].json
}
