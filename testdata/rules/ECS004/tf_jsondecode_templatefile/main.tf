# Containers rendered from a JSON template and joined with sidecars written
# in HCL: the template's containers keep their lines in the template.
locals {
  sidecars = [{ name = "xray", image = "amazon/aws-xray-daemon:3.3.7", essential = false }]
}

resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode(concat(jsondecode(templatefile("${path.module}/app.json.tpl", { tag = "latest" })), local.sidecars))
}
