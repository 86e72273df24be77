variable "worker_image" {
  type = string
}

locals {
  api_image = "example/api"
}

module "web" {
  source = "./modules/svc"
  name   = "web"
  image  = "nginx:latest"
  # The log router's tag is joined to its repository inside the module.
  log_router_tag = "latest"
}

module "api" {
  source = "./modules/svc"
  name   = "api"
  image  = local.api_image
}

module "worker" {
  source = "./modules/svc"
  name   = "worker"
  image  = var.worker_image
}

module "pinned" {
  source = "./modules/svc"
  name   = "pinned"
  image  = "example/pinned:3.4.1"
}
