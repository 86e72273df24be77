resource "aws_ecs_task_definition" "vpn" {
  family       = "vpn"
  network_mode = "awsvpc"
  container_definitions = jsonencode([
    {
      name   = "wireguard"
      image  = "lscr.io/linuxserver/wireguard:1.0.20210914"
      memory = 256
      linuxParameters = {
        capabilities = {
          add  = ["NET_ADMIN", "CAP_SYS_MODULE", "NET_BIND_SERVICE"]
          drop = ["MKNOD"]
        }
      }
    },
    {
      name   = "web"
      image  = "caddy:2.8.4"
      memory = 128
      linuxParameters = {
        capabilities = {
          add  = ["NET_BIND_SERVICE"]
          drop = ["ALL"]
        }
      }
    }
  ])
}
