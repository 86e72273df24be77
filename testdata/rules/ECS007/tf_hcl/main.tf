resource "aws_ecs_task_definition" "app" {
  family = "app"

  container_definitions = jsonencode([
    {
      name                   = "writable"
      image                  = "example/app:1.0.0"
      readonlyRootFilesystem = false
    },
    {
      name  = "unset"
      image = "example/app:1.0.0"
    },
    {
      name                   = "read-only"
      image                  = "example/app:1.0.0"
      readonlyRootFilesystem = true
    }
  ])
}
