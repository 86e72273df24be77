resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "ghcr.io/acme/web:2.0.0"
      essential = true
      dependsOn = [
        { containerName = "envoy", condition = "HEALTHY" },
        { containerName = "migrations", condition = "SUCCESS" },
        { containerName = "init", condition = "COMPLETE" }
      ]
    },
    {
      name      = "envoy"
      image     = "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod"
      essential = true
      healthCheck = {
        command = ["CMD-SHELL", "curl -s http://localhost:9901/ready"]
      }
    },
    {
      name      = "init"
      image     = "ghcr.io/acme/web:2.0.0"
      essential = false
      command   = ["bin/init"]
    }
  ])
}
