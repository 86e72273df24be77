resource "aws_kms_key" "ecr" {
  description = "ECR"
}

resource "aws_ecr_repository" "no_encryption_block" {
  name = "plain"
}

resource "aws_ecr_repository" "aes256" {
  name = "aes"

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_repository" "kms" {
  name = "kms"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.ecr.arn
  }
}

resource "aws_ecr_repository" "kms_dsse" {
  name = "kms-dsse"

  encryption_configuration {
    encryption_type = "KMS_DSSE"
  }
}
