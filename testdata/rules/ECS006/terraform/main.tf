resource "aws_ecs_task_definition" "runner" {
  family       = "ci-runner"
  network_mode = "bridge"
  container_definitions = jsonencode([
    {
      name       = "dind"
      image      = "docker:26.1-dind"
      memory     = 2048
      privileged = true
    },
    {
      name       = "runner"
      image      = "gitlab/gitlab-runner:v17.1.0"
      memory     = 512
      privileged = false
    }
  ])
}

resource "aws_ecs_task_definition" "agent" {
  family                = "agent"
  container_definitions = <<EOT
[
  {
    "name": "agent",
    "image": "security-agent:3.1.0",
    "memory": 256,
    "privileged": "true"
  }
]
EOT
}
