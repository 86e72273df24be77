# Registry-level scanning covers repositories whose name matches a rule's
# filter, whatever the repository's own scan_on_push says.
resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "prod-*"
      filter_type = "WILDCARD"
    }
  }

  rule {
    scan_frequency = "MANUAL"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "prod_api" {
  name = "prod-api"
}

resource "aws_ecr_repository" "dev_api" {
  name = "dev-api"

  image_scanning_configuration {
    scan_on_push = false
  }
}
