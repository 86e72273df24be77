# METADATA
# title: EKS secrets are not encrypted with a KMS key
# description: |
#   Without envelope encryption, Kubernetes Secrets are stored in etcd
#   protected only by the default EBS-level encryption AWS manages. Anyone
#   who obtains an etcd backup or snapshot reads every secret in clear text,
#   and access cannot be revoked or audited through a key policy. With an
#   encryptionConfig for "secrets" and a KMS key, each secret is encrypted
#   with a data key that only the key's grantees can unwrap.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html
#   - ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_EncryptionConfig.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#encryption_config
# custom:
#   id: EKS002
#   name: secrets-not-cmk-encrypted
#   severity: low
#   kinds: [aws.eks.cluster]
#   tags: [encryption, eks]
#   remediation: |
#     Encrypt Kubernetes secrets with a KMS key.
#
#     JSON (create-cluster):
#       "encryptionConfig": [{"resources": ["secrets"], "provider": {"keyArn": "arn:aws:kms:..."}}]
#
#     Terraform (aws_eks_cluster):
#       encryption_config {
#         resources = ["secrets"]
#         provider { key_arn = aws_kms_key.eks.arn }
#       }
package shipcheck.aws.secrets_not_cmk_encrypted

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

configs := object.get(spec, "encryptionConfig", null)

# encrypted holds when a configuration covers secrets with a key, or when
# that cannot be known statically.
encrypted if {
	some c in values.array_or_empty(configs)
	is_object(c)
	covers_secrets(object.get(c, "resources", null))
	key := object.get(values.object_or_empty(object.get(c, "provider", null)), "keyArn", null)
	values.nonempty_string(key)
}

encrypted if values.unknown(configs)

encrypted if {
	some c in values.array_or_empty(configs)
	not is_object(c)
}

encrypted if {
	some c in values.array_or_empty(configs)
	is_object(c)
	values.unknown(object.get(c, "resources", null))
}

covers_secrets(r) if "secrets" in values.array_or_empty(r)

covers_secrets(r) if {
	some x in values.array_or_empty(r)
	values.unknown(x)
}

deny contains {"msg": msg, "path": path} if {
	not encrypted
	path := finding_path
	msg := "Kubernetes secrets are not envelope-encrypted with a KMS key: anyone with an etcd backup reads them in clear text; add an encryptionConfig for \"secrets\" with a KMS key ARN"
}

finding_path := ["encryptionConfig"] if configs != null

finding_path := [] if configs == null
