resource "aws_ecs_task_definition" "vpn" {
  family                   = "vpn"
  requires_compatibilities = ["EC2"]

  container_definitions = jsonencode([
    {
      name   = "vpn"
      image  = "example/wireguard:1.0.20210914"
      memory = 256
      linuxParameters = {
        capabilities = {
          add  = ["NET_ADMIN", "CAP_SYS_MODULE"]
          drop = ["ALL"]
        }
      }
    },
    {
      name   = "debugger"
      image  = "example/debug:1.0.0"
      memory = 128
      linuxParameters = {
        capabilities = {
          add = ["CHOWN"]
        }
      }
    }
  ])
}
