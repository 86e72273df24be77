resource "aws_ecs_cluster" "main" {
  name = local.name

  configuration {
    execute_command_configuration {
      logging = "OVERRIDE"

      log_configuration {
        cloud_watch_log_group_name = aws_cloudwatch_log_group.exec.name
      }
    }
  }
}

resource "aws_ecs_task_definition" "checkout" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "${aws_ecr_repository.checkout.repository_url}:${var.image_tag}"
      essential = true
      user      = "10001"
      portMappings = [
        { containerPort = 8080, protocol = "tcp" }
      ]
      environment = concat(local.common_environment, [
        { name = "PAYMENTS_API_KEY", value = "pk_3f9a8c7d6e5b4a39" },
      ])
      secrets = [
        { name = "DATABASE_URL", valueFrom = "arn:aws:ssm:eu-west-1:123456789012:parameter/checkout/database-url" },
      ]
      healthCheck = {
        command     = ["CMD-SHELL", "wget -qO- http://localhost:8080/healthz || exit 1"]
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 20
      }
      readonlyRootFilesystem = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.checkout.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "app"
        }
      }
    },
    {
      name      = "nginx"
      image     = "${aws_ecr_repository.nginx.repository_url}:1.27.2"
      essential = true
      portMappings = [
        { containerPort = 80, hostPort = 80 }
      ]
      dependsOn = [
        { containerName = "app", condition = "HEALTHY" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.checkout.name
          awslogs-region        = var.region
          awslogs-stream-prefix = "nginx"
        }
      }
    }
  ])
}

resource "aws_security_group" "checkout" {
  name   = local.name
  vpc_id = var.vpc_id
}

resource "aws_ecs_service" "checkout" {
  name                   = local.name
  cluster                = aws_ecs_cluster.main.id
  task_definition        = aws_ecs_task_definition.checkout.arn
  desired_count          = var.desired_count
  launch_type            = "FARGATE"
  platform_version       = "1.4.0"
  enable_execute_command = true

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  network_configuration {
    subnets          = var.public_subnet_ids
    security_groups  = [aws_security_group.checkout.id]
    assign_public_ip = true
  }
}
