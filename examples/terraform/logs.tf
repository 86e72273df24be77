resource "aws_cloudwatch_log_group" "checkout" {
  name = "/ecs/${local.name}"
}

resource "aws_cloudwatch_log_group" "exec" {
  name              = "/ecs/${local.name}/exec"
  retention_in_days = 90
}
