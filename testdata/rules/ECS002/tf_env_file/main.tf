resource "aws_ecs_task_definition" "this" {
  family = "x"
  container_definitions = jsonencode([
    {
      name      = "x"
      image     = "nginx:1.2"
      user      = "1000"
      essential = true
      environment = [for k, v in jsondecode(file("${path.module}/env.json")) : { name = k, value = v }]
    },
  ])
}
