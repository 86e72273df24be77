# Container definitions written in YAML and converted with
# jsonencode(yamldecode(...)): findings point into the YAML files.
variable "debug" {
  default = true
}

resource "aws_ecs_task_definition" "file" {
  family                = "file"
  container_definitions = jsonencode(yamldecode(file("${path.module}/containers.yaml")))
}

resource "aws_ecs_task_definition" "template" {
  family = "template"
  container_definitions = jsonencode(yamldecode(templatefile("${path.module}/containers.yaml.tpl", {
    image = "example/agent:2.1.0"
    debug = var.debug
    env   = { LOG_LEVEL = "info" }
  })))
}
