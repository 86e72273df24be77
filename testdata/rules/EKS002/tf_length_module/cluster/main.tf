# A cluster module in the common shape: encryption_config exists only when
# the caller's config object has attributes (length of an object counts its
# attributes, as in Terraform).
variable "name" {
  type = string
}

variable "encryption" {
  type    = any
  default = { resources = ["secrets"] }
}

variable "outpost" {
  type    = any
  default = {}
}

variable "kms_key_arn" {
  type    = string
  default = null
}

locals {
  on_outpost = length(var.outpost) > 0
  encrypt    = length(var.encryption) > 0 && !local.on_outpost
}

resource "aws_eks_cluster" "this" {
  name     = var.name
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids             = ["subnet-1", "subnet-2"]
    endpoint_public_access = false
  }

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  dynamic "encryption_config" {
    for_each = local.encrypt ? [var.encryption] : []

    content {
      provider {
        key_arn = coalesce(var.kms_key_arn, aws_kms_key.eks.arn)
      }
      resources = encryption_config.value.resources
    }
  }
}

resource "aws_kms_key" "eks" {
  description = "EKS secrets"
}
