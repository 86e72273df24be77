variable "sidecar_tag" {
  type    = string
  default = "latest"
}

resource "aws_ecs_task_definition" "from_file" {
  family                = "from-file"
  container_definitions = file("${path.module}/containers.json")
}

resource "aws_ecs_task_definition" "from_template" {
  family = "from-template"
  container_definitions = templatefile("${path.module}/containers.json.tftpl", {
    app_image   = "example/app:2.4.1"
    sidecar_tag = var.sidecar_tag
  })
}
