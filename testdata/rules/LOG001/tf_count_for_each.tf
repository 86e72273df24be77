variable "create_audit_log" {
  type    = bool
  default = false
}

variable "services" {
  type    = map(object({ retention = number }))
  default = {}
}

# Turned off by default: Terraform creates nothing, so nothing to report.
resource "aws_cloudwatch_log_group" "audit" {
  count = var.create_audit_log ? 1 : 0
  name  = "/audit"
}

# An empty for_each creates no log group either.
resource "aws_cloudwatch_log_group" "per_service" {
  for_each          = var.services
  name              = "/ecs/${each.key}"
  retention_in_days = each.value.retention
}

# Each instance of a known for_each is checked; the one without a
# retention in the map is reported.
resource "aws_cloudwatch_log_group" "apps" {
  for_each          = { api = 30, worker = null }
  name              = "/apps/${each.key}"
  retention_in_days = each.value
}
