# The repository URL is known only after apply, but the tag written after
# it is literal: passed to a template, "${...}:latest" is still judged.
resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = templatefile("${path.module}/task.json.tpl", {
    image  = "${aws_ecr_repository.app.repository_url}:latest"
    pinned = "${aws_ecr_repository.app.repository_url}:1.4.2"
    other  = aws_ecr_repository.app.repository_url
  })
}
