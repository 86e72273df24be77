resource "aws_ecs_task_definition" "ci" {
  family                   = "ci-runner"
  requires_compatibilities = ["EC2"]

  container_definitions = jsonencode([
    {
      name       = "docker-in-docker"
      image      = "docker:27.3-dind"
      memory     = 2048
      privileged = true
    },
    {
      name       = "runner"
      image      = "gitlab/gitlab-runner:v17.5.0"
      memory     = 512
      privileged = false
    },
    {
      name       = "string-bool"
      image      = "example/agent:1.0.0"
      memory     = 128
      privileged = "true"
    }
  ])
}
