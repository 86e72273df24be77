variable "scan" {
  type = bool
}

resource "aws_ecr_repository" "defaults" {
  name                 = "defaults"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "disabled" {
  name = "disabled"

  image_scanning_configuration {
    scan_on_push = false
  }
}

resource "aws_ecr_repository" "string_false" {
  name = "string-false"

  image_scanning_configuration {
    scan_on_push = "false"
  }
}

resource "aws_ecr_repository" "enabled" {
  name = "enabled"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "unknown" {
  name = "unknown"

  image_scanning_configuration {
    scan_on_push = var.scan
  }
}
