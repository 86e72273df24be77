resource "aws_eks_cluster" "typed" {
  name                      = "typed"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  enabled_cluster_log_types = ["audit", "authenticator"]

  vpc_config {
    subnet_ids          = ["subnet-1"]
    public_access_cidrs = var.public_access_cidrs
  }
}
