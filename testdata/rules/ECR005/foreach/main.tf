variable "names" {
  type    = set(string)
  default = ["api", "worker"]
}

resource "aws_ecr_repository" "this" {
  for_each = var.names
  name     = each.key
}

# The policy iterates over the repositories: it covers them.
resource "aws_ecr_lifecycle_policy" "this" {
  for_each   = aws_ecr_repository.this
  repository = each.value.name
  policy     = jsonencode({ rules = [] })
}
