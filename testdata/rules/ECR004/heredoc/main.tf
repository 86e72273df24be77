resource "aws_ecr_repository" "legacy" {
  name = "legacy"
}

resource "aws_ecr_repository_policy" "legacy" {
  repository = "legacy"
  policy     = <<EOF
{
  "Version": "2008-10-17",
  "Statement": [
    {
      "Sid": "AllowPull",
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": ["ecr:BatchGetImage"]
    }
  ]
}
EOF
}
