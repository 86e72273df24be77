# METADATA
# title: Container image tag can change
# description: |
#   An image referenced as :latest, or with no tag at all (which means
#   :latest), names whatever was pushed last. ECS resolves the tag to a
#   digest at deployment, so a scale-out or replacement task after a later
#   push can still run different code than its siblings, and rolling back
#   to an earlier task definition revision does not roll back the image:
#   the revision still says latest. It also hides from reviews and incident
#   timelines which build is running. A digest always pins the image, even
#   beside a tag; tags that are still templates (${var.tag}) are not judged.
#   In Terraform, image = aws_ecr_repository.app.repository_url is
#   untagged: a repository URL is the registry and name, never a tag.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html#deployment-container-image-stability
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
# custom:
#   id: ECS004
#   name: mutable-image-tag
#   severity: medium
#   kinds: [aws.ecs.task-definition]
#   tags: [reliability, supply-chain, ecs]
#   remediation: |
#     Reference a version tag (ideally in an ECR repository with immutable
#     tags) or a digest.
#
#     JSON:
#       "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2"
#       "image": "public.ecr.aws/nginx/nginx@sha256:<digest>"
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       image = "${aws_ecr_repository.web.repository_url}:${var.release}"
package shipcheck.ecs.mutable_image_tag

import data.shipcheck.lib.ecs
import data.shipcheck.lib.images

deny contains {"msg": msg, "path": ["containerDefinitions", i, "image"]} if {
	some i, c in ecs.containers
	is_string(c.image)
	ref := shipcheck.image.parse(c.image)
	ref.mutable
	not ref.unknown
	images.plausible(c.image) # after the cheaper tests: two regexes
	msg := sprintf("%s: image %q %s; pin a version tag or a digest (@sha256:...)", [ecs.label(c, i), c.image, problem(ref)])
}

problem(ref) := "has no tag, so it means :latest and can change with every push" if ref.tag == ""

problem(ref) := sprintf("uses the %q tag, which can change with every push", [ref.tag]) if ref.tag != ""
