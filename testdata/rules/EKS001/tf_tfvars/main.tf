# The root module's CIDRs come from terraform.tfvars: the finding points at
# the open CIDR written there (it pointed at var.public_access_cidrs).
variable "public_access_cidrs" {
  type = list(string)
}

resource "aws_eks_cluster" "tfvars" {
  name                      = "tfvars"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  enabled_cluster_log_types = ["audit", "authenticator"]

  vpc_config {
    subnet_ids          = ["subnet-1"]
    public_access_cidrs = var.public_access_cidrs
  }
}
