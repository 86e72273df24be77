# A container-definition module in the common shape: unset attributes are
# dropped with a null filter, so an unknown image must not hide the rest.
variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "user" {
  type    = string
  default = null
}

variable "readonly_root_filesystem" {
  type    = bool
  default = true
}

locals {
  definition = {
    name                   = var.name
    image                  = var.image
    essential              = true
    user                   = var.user
    readonlyRootFilesystem = var.readonly_root_filesystem
    healthCheck            = { command = ["CMD-SHELL", "true"] }
  }
}

output "definition" {
  value = { for k, v in local.definition : k => v if v != null }
}
