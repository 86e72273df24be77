# Arguments typed map(string) in the provider take numbers and booleans,
# which Terraform converts to strings (the provider's own App Mesh example
# writes ProxyIngressPort = 15000): nothing to report.
resource "aws_ecs_task_definition" "mesh" {
  family                   = "mesh"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512

  proxy_configuration {
    type           = "APPMESH"
    container_name = "envoy"
    properties = {
      AppPorts         = "8080"
      EgressIgnoredIPs = "169.254.170.2,169.254.169.254"
      IgnoredUID       = 1337
      ProxyEgressPort  = 15001
      ProxyIngressPort = 15000
    }
  }

  volume {
    name = "scratch"
    docker_volume_configuration {
      scope         = "task"
      driver        = "local"
      driver_opts   = { size = 10, encrypted = true }
      labels        = { tier = "cache", replicas = 2 }
    }
  }

  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "example/app:1.0.0"
      essential = true
    },
  ])
}
