# METADATA
# title: ECR repository is not encrypted with KMS
# description: |
#   Without a KMS encryption configuration, images are encrypted with keys
#   AWS owns (AES256): access to the image layers cannot be restricted or
#   audited through a key policy, and the key cannot be disabled to cut off
#   access in an incident. Encryption settings cannot be changed after the
#   repository is created, so this has to be right from the start.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_EncryptionConfiguration.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository#encryption_configuration
# custom:
#   id: ECR003
#   name: not-kms-encrypted
#   severity: low
#   kinds: [aws.ecr.repository]
#   tags: [encryption, ecr]
#   remediation: |
#     Encrypt the repository with KMS (ideally a customer-managed key).
#
#     JSON (create-repository):
#       "encryptionConfiguration": {"encryptionType": "KMS", "kmsKey": "arn:aws:kms:..."}
#
#     Terraform (aws_ecr_repository):
#       encryption_configuration {
#         encryption_type = "KMS"
#         kms_key         = aws_kms_key.ecr.arn
#       }
package shipcheck.aws.not_kms_encrypted

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

encryption := object.get(spec, "encryptionConfiguration", null)

encryption_type := object.get(values.object_or_empty(encryption), "encryptionType", null)

deny contains {"msg": msg, "path": path} if {
	encryption_type == null
	not values.unknown(encryption)
	path := absent_path
	msg := "the repository has no KMS encryption configuration, so images are encrypted with AWS-owned keys (AES256); set encryptionConfiguration.encryptionType to KMS when creating the repository"
}

deny contains {"msg": msg, "path": ["encryptionConfiguration", "encryptionType"]} if {
	is_string(encryption_type)
	upper(encryption_type) == "AES256"
	msg := "encryptionType is AES256 (AWS-owned keys): access to the images cannot be controlled or audited through a KMS key policy; use KMS when creating the repository"
}

absent_path := ["encryptionConfiguration"] if is_object(encryption)

absent_path := [] if not is_object(encryption)
