resource "aws_ecs_task_definition" "datadog" {
  family       = "datadog-agent"
  network_mode = "bridge"
  pid_mode     = "host"
  ipc_mode     = "host"
  container_definitions = jsonencode([
    { name = "datadog-agent", image = "public.ecr.aws/datadog/agent:7.54.0", memory = 512 }
  ])
}

resource "aws_ecs_task_definition" "profiler" {
  family       = "profiler"
  network_mode = "awsvpc"
  pid_mode     = "task"
  container_definitions = jsonencode([
    { name = "app", image = "app:1.0.0", memory = 512 },
    { name = "profiler", image = "profiler:1.0.0", memory = 128, essential = false }
  ])
}
