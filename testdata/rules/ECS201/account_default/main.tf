# Container Insights turned on for the whole account: clusters that do not
# set it themselves inherit it.
resource "aws_ecs_account_setting_default" "insights" {
  name  = "containerInsights"
  value = "enhanced"
}

resource "aws_ecs_cluster" "inherits" {
  name = "inherits"
}

resource "aws_ecs_cluster" "opts_out" {
  name = "opts-out"

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}
