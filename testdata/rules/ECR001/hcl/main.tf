variable "mutability" {
  type = string
}

variable "repositories" {
  type    = map(string)
  default = {}
}

resource "aws_ecr_repository" "default_mutable" {
  name = "default-mutable"
}

resource "aws_ecr_repository" "mutable" {
  name                 = "mutable"
  image_tag_mutability = "MUTABLE"
}

resource "aws_ecr_repository" "mutable_with_exclusion" {
  name                 = "mutable-with-exclusion"
  image_tag_mutability = "MUTABLE_WITH_EXCLUSION"

  image_tag_mutability_exclusion_filter {
    filter      = "release-*"
    filter_type = "WILDCARD"
  }
}

resource "aws_ecr_repository" "immutable" {
  name                 = "immutable"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "immutable_with_exclusion" {
  name                 = "immutable-with-exclusion"
  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"

  image_tag_mutability_exclusion_filter {
    filter      = "latest*"
    filter_type = "WILDCARD"
  }
}

# Unknown values are never reported.
resource "aws_ecr_repository" "from_variable" {
  name                 = "from-variable"
  image_tag_mutability = var.mutability
}

resource "aws_ecr_repository" "per_team" {
  for_each             = var.repositories
  name                 = each.key
  image_tag_mutability = each.value
}
