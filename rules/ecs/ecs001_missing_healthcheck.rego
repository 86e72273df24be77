# METADATA
# title: Essential container without a health check
# description: |
#   ECS only knows a container is healthy when its task definition has a
#   healthCheck. Without one, a container that is running but not serving
#   (deadlocked, still warming up, lost its database) stays in service, and
#   deployments and the circuit breaker cannot tell a bad release from a good
#   one. A HEALTHCHECK in the image's Dockerfile is ignored by ECS: only the
#   task definition's healthCheck counts.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_healthcheck
# custom:
#   id: ECS001
#   name: missing-healthcheck
#   severity: medium
#   kinds: [aws.ecs.task-definition]
#   tags: [reliability, ecs]
#   remediation: |
#     Add a healthCheck to every essential container.
#
#     JSON:
#       "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],
#                       "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 10}
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       healthCheck = { command = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"] }
package shipcheck.ecs.missing_healthcheck

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": ["containerDefinitions", i]} if {
	some i, c in ecs.containers
	ecs.essential(c)
	not is_object(object.get(c, "healthCheck", null))
	not values.unknown(object.get(c, "healthCheck", null))
	msg := sprintf("%s is essential but has no healthCheck; ECS ignores the image's HEALTHCHECK, so add one to the container definition", [ecs.label(c, i)])
}
