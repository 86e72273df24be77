# METADATA
# title: ECR repository allows tags to be overwritten
# description: |
#   With mutable tags, pushing an image under an existing tag silently
#   replaces what the tag points to. A task definition or pod that names
#   app:1.4.2 can then start different code on the next scale-out than the
#   tasks already running, a rollback to the old tag does not roll back,
#   and a compromised CI credential can replace a released image in place.
#   Repositories are created with MUTABLE tags unless told otherwise.
#   IMMUTABLE_WITH_EXCLUSION (immutable except for filtered tags such as
#   latest) passes; MUTABLE_WITH_EXCLUSION does not.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository#image_tag_mutability
# custom:
#   id: ECR001
#   name: mutable-tags
#   severity: medium
#   kinds: [aws.ecr.repository]
#   tags: [supply-chain, ecr]
#   remediation: |
#     Make tags immutable (optionally excluding moving tags such as latest).
#
#     JSON (create-repository):
#       "imageTagMutability": "IMMUTABLE"
#
#     Terraform (aws_ecr_repository):
#       image_tag_mutability = "IMMUTABLE"
#       # or IMMUTABLE_WITH_EXCLUSION with
#       # image_tag_mutability_exclusion_filter { filter = "latest*"  filter_type = "WILDCARD" }
package shipcheck.aws.mutable_tags

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

mutability := object.get(spec, "imageTagMutability", null)

deny contains {"msg": msg, "path": []} if {
	mutability == null
	msg := "imageTagMutability is not set, so tags are MUTABLE: pushing an existing tag replaces the image that running tasks and rollbacks refer to; set it to IMMUTABLE"
}

deny contains {"msg": msg, "path": ["imageTagMutability"]} if {
	is_string(mutability)
	upper(mutability) in {"MUTABLE", "MUTABLE_WITH_EXCLUSION"}
	msg := sprintf("imageTagMutability is %s: pushing an existing tag replaces the image that running tasks and rollbacks refer to; set it to IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION for moving tags such as latest)", [mutability])
}
