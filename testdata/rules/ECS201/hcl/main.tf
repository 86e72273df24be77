variable "insights" {
  type    = string
  default = "enabled"
}

variable "insights_unknown" {
  type = string
}

# No setting at all: Container Insights is off by default.
resource "aws_ecs_cluster" "none" {
  name = "none"
}

resource "aws_ecs_cluster" "disabled" {
  name = "disabled"

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

resource "aws_ecs_cluster" "enabled" {
  name = "enabled"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster" "enhanced" {
  name = "enhanced"

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}

resource "aws_ecs_cluster" "from_variable_default" {
  name = "from-variable"

  setting {
    name  = "containerInsights"
    value = var.insights
  }
}

# A value that cannot be known statically is never reported.
resource "aws_ecs_cluster" "unknown" {
  name = "unknown"

  setting {
    name  = "containerInsights"
    value = var.insights_unknown
  }
}
