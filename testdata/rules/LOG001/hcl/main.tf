variable "retention" {
  type = number
}

resource "aws_cloudwatch_log_group" "forever" {
  name = "/ecs/forever"
}

resource "aws_cloudwatch_log_group" "zero" {
  name              = "/ecs/zero"
  retention_in_days = 0
}

resource "aws_cloudwatch_log_group" "month" {
  name              = "/ecs/month"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "unknown" {
  name              = "/ecs/unknown"
  retention_in_days = var.retention
}
