variable "name" {
  type    = string
  default = "shared"
}

output "repository_url" {
  value = "123456789012.dkr.ecr.us-east-1.amazonaws.com/${var.name}:2.0.1"
}
