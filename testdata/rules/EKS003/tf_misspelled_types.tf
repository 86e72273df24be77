# "authentication" is not a log type (authenticator is), so the IAM
# authenticator logs are off.
resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids             = ["subnet-1", "subnet-2"]
    endpoint_public_access = false
  }

  enabled_cluster_log_types = ["api", "audit", "authentication", "controlManager", "scheduler"]
}
