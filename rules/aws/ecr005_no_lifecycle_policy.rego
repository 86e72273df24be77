# METADATA
# title: ECR repository without a lifecycle policy
# description: |
#   Every CI build pushes another image, and without a lifecycle policy none
#   is ever deleted: storage costs grow without bound, and the 20,000-image
#   per-repository quota is eventually hit, at which point pushes (and so
#   deployments) fail. Old images also stay pullable long after they stop
#   receiving security fixes.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_lifecycle_policy
# custom:
#   id: ECR005
#   name: no-lifecycle-policy
#   severity: low
#   kinds: [aws.ecr.repository]
#   tags: [cost, reliability, ecr]
#   remediation: |
#     Attach a lifecycle policy that expires untagged and old images.
#
#     JSON (put-lifecycle-policy --lifecycle-policy-text):
#       {"rules": [{"rulePriority": 1, "description": "keep last 50 images",
#                   "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 50},
#                   "action": {"type": "expire"}}]}
#
#     Terraform:
#       resource "aws_ecr_lifecycle_policy" "app" {
#         repository = aws_ecr_repository.app.name
#         policy = jsonencode({ rules = [{
#           rulePriority = 1
#           selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 50 }
#           action       = { type = "expire" }
#         }] })
#       }
package shipcheck.aws.no_lifecycle_policy

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

deny contains {"msg": msg, "path": []} if {
	object.get(spec, "lifecyclePolicy", null) == null
	msg := "no lifecycle policy is attached to this repository in the scanned configuration: images accumulate until storage costs grow and the per-repository image quota blocks pushes; add an aws_ecr_lifecycle_policy that expires old images"
}
