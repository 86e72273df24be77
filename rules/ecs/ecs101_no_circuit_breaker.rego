# METADATA
# title: Rolling-update service without a deployment circuit breaker
# description: |
#   Without the deployment circuit breaker, a rolling deployment whose new
#   tasks never become healthy (crash on start, fail the health check, cannot
#   pull the image) does not fail: ECS keeps launching replacement tasks for
#   hours, the old tasks are drained as far as minimumHealthyPercent allows,
#   and nothing rolls back. With the breaker enabled (and rollback on), ECS
#   marks the deployment FAILED after a threshold of failed tasks and returns
#   to the last completed deployment.
#
#   Only services that ECS deploys with rolling updates are checked:
#   deploymentController absent or ECS, and deploymentConfiguration.strategy
#   absent or ROLLING. CODE_DEPLOY and EXTERNAL controllers and the
#   BLUE_GREEN, LINEAR and CANARY strategies have their own rollback. When
#   CloudWatch alarms with rollback are configured the finding is info: the
#   alarms roll back a release that starts but misbehaves, though not one
#   whose tasks never start. The breaker is not available behind a Classic
#   Load Balancer; for such a service the message says to move it to a
#   target group first.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html
# custom:
#   id: ECS101
#   name: no-circuit-breaker
#   severity: medium
#   kinds: [aws.ecs.service]
#   tags: [reliability, deployment, ecs]
#   remediation: |
#     Enable the deployment circuit breaker with rollback.
#
#     JSON (create-service input):
#       "deploymentConfiguration": {
#         "deploymentCircuitBreaker": {"enable": true, "rollback": true}
#       }
#
#     Terraform (aws_ecs_service):
#       deployment_circuit_breaker {
#         enable   = true
#         rollback = true
#       }
package shipcheck.ecs.no_circuit_breaker

import data.shipcheck.lib.ecs_service as svc
import data.shipcheck.lib.values

deny contains finding if {
	svc.rolling
	not svc.update_input
	enable := object.get(svc.breaker, "enable", null)
	not values.is_true(enable)
	not values.unknown(enable)
	finding := object.union(
		{"msg": sprintf("%s%s; %s", [problem(enable), alarm_note, remedy(enable)]), "path": path(enable)},
		severity,
	)
}

# remedy is the fix, or for a service behind a Classic Load Balancer (the
# API refuses a circuit breaker there) the move that makes it possible.
remedy(enable) := fix(enable) if not classic_load_balancer

remedy(_) := "the circuit breaker is not available behind a Classic Load Balancer (loadBalancerName): register the service with an ALB or NLB target group (targetGroupArn) and enable the breaker with rollback" if classic_load_balancer

classic_load_balancer if {
	some lb in values.array_or_empty(object.get(svc.spec, "loadBalancers", null))
	values.nonempty_string(object.get(values.object_or_empty(lb), "loadBalancerName", null))
}

problem(null) := "the service deploys with rolling updates but has no deployment circuit breaker: a release whose tasks never become healthy keeps replacing tasks instead of failing and rolling back"

problem(enable) := "deploymentCircuitBreaker.enable is not true: a rolling deployment whose tasks never become healthy keeps replacing tasks instead of failing and rolling back" if enable != null

fix(null) := "set deploymentConfiguration.deploymentCircuitBreaker to enable: true, rollback: true"

fix(enable) := "set enable: true and rollback: true" if enable != null

path(enable) := ["deploymentConfiguration", "deploymentCircuitBreaker", "enable"] if enable != null

path(null) := ["deploymentConfiguration", "deploymentCircuitBreaker"] if is_object(object.get(svc.deployment, "deploymentCircuitBreaker", null))

path(null) := svc.deployment_path("deploymentCircuitBreaker") if not is_object(object.get(svc.deployment, "deploymentCircuitBreaker", null))

alarms := values.object_or_empty(object.get(svc.deployment, "alarms", null))

alarm_rollback if {
	values.is_true(object.get(alarms, "enable", null))
	values.is_true(object.get(alarms, "rollback", null))
}

alarm_note := " (CloudWatch alarms with rollback are configured, which roll back a release that starts but misbehaves, not one whose tasks never start)" if alarm_rollback

alarm_note := "" if not alarm_rollback

severity := {"severity": "info"} if alarm_rollback

severity := {} if not alarm_rollback
