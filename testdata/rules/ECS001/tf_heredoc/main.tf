resource "aws_ecs_task_definition" "worker" {
  family = "worker"

  container_definitions = <<DEFS
[
  {
    "name": "worker",
    "image": "example/worker:4.1.0",
    "essential": true,
    "memory": 512
  }
]
DEFS
}
