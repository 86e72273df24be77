# METADATA
# title: Deployment circuit breaker without rollback
# description: |
#   With the circuit breaker enabled but rollback off, a failing deployment
#   is marked FAILED and stops, but the service stays on the broken revision
#   with whatever tasks it managed to keep: someone has to notice and deploy
#   the previous task definition by hand, usually during an outage. With
#   rollback on, ECS returns to the last completed deployment by itself.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html
# custom:
#   id: ECS102
#   name: circuit-breaker-without-rollback
#   severity: low
#   kinds: [aws.ecs.service]
#   tags: [reliability, deployment, ecs]
#   remediation: |
#     Turn rollback on next to enable.
#
#     JSON:
#       "deploymentCircuitBreaker": {"enable": true, "rollback": true}
#
#     Terraform (aws_ecs_service):
#       deployment_circuit_breaker {
#         enable   = true
#         rollback = true
#       }
package shipcheck.ecs.circuit_breaker_without_rollback

import data.shipcheck.lib.ecs_service as svc
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": path} if {
	values.is_true(object.get(svc.breaker, "enable", null))
	rollback := object.get(svc.breaker, "rollback", null)
	not values.is_true(rollback)
	not values.unknown(rollback)
	path := rollback_path(rollback)
	msg := "the deployment circuit breaker is enabled without rollback: a failed deployment stops on the broken revision until someone redeploys by hand; set deploymentCircuitBreaker.rollback to true"
}

rollback_path(null) := ["deploymentConfiguration", "deploymentCircuitBreaker"]

rollback_path(x) := ["deploymentConfiguration", "deploymentCircuitBreaker", "rollback"] if x != null
