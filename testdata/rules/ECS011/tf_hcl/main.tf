resource "aws_ecs_task_definition" "agent" {
  family                   = "agent"
  requires_compatibilities = ["EC2"]
  pid_mode                 = "host"
  ipc_mode                 = "host"
  container_definitions    = jsonencode([{ name = "agent", image = "example/agent:7.58.0", memory = 256 }])
}

resource "aws_ecs_task_definition" "task_scoped" {
  family                   = "task-scoped"
  requires_compatibilities = ["EC2"]
  pid_mode                 = "task"
  ipc_mode                 = "none"
  container_definitions    = jsonencode([{ name = "app", image = "example/app:1.0.0", memory = 256 }])
}
