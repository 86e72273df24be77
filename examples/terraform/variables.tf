variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "staging"
}

variable "vpc_id" {
  type = string
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "image_tag" {
  type        = string
  description = "Set by the deployment pipeline."
  default     = "latest"
}

variable "desired_count" {
  type    = number
  default = 2
}
