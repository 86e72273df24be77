# METADATA
# title: Fargate service pinned to a platform version
# description: |
#   Fargate platform versions bring kernel, runtime and agent updates,
#   security fixes included. A service pinned to a specific version (1.3.0,
#   1.4.0) keeps running on it after LATEST moves on, and is forced onto a
#   newer one only when AWS retires the version, on AWS's schedule. LATEST
#   (the default) picks up the current version at every deployment.
#   Services not on Fargate are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-versions-retired.html
# custom:
#   id: ECS107
#   name: fargate-platform-version-pinned
#   severity: low
#   kinds: [aws.ecs.service]
#   tags: [security, maintenance, ecs, fargate]
#   remediation: |
#     Remove platformVersion or set it to LATEST.
#
#     JSON:
#       "platformVersion": "LATEST"
#
#     Terraform (aws_ecs_service):
#       platform_version = "LATEST"
package shipcheck.ecs.fargate_platform_version_pinned

import data.shipcheck.lib.ecs_service as svc
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": ["platformVersion"]} if {
	svc.fargate
	version := object.get(svc.spec, "platformVersion", null)
	values.nonempty_string(version)
	not values.unknown(version)
	upper(trim_space(version)) != "LATEST"
	msg := sprintf("platformVersion is pinned to %s on Fargate: the service keeps an old platform without its security fixes until AWS retires it; use LATEST or remove platformVersion", [version])
}
