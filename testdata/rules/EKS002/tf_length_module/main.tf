module "encrypted" {
  source = "./cluster"
  name   = "encrypted"
}

# An empty object turns the dynamic encryption_config off.
module "plain" {
  source     = "./cluster"
  name       = "plain"
  encryption = {}
}

# The attribute count is known even when an attribute is not.
module "byo_key" {
  source      = "./cluster"
  name        = "byo-key"
  kms_key_arn = var.key_arn
  encryption = {
    resources = ["secrets"]
    owner     = var.owner
  }
}

variable "key_arn" {}
variable "owner" {}
