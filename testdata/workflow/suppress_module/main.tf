module "web" {
  source = "./modules/svc"
  name   = "web"
  # shipcheck:ignore ECS004 the edge proxy follows nginx releases
  image = "nginx:latest"
  user  = "0" # shipcheck:ignore ECS005 binds port 80
}

module "api" {
  source = "./modules/svc"
  name   = "api"
  image  = "example/api:latest"
  user   = "0"
}
