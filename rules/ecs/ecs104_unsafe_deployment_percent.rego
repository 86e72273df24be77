# METADATA
# title: Deployment percentages that stall deployments or cause outages
# description: |
#   A rolling deployment replaces tasks within two bounds: it may run up to
#   maximumPercent of desiredCount and must keep minimumHealthyPercent
#   running. With maximumPercent at or below minimumHealthyPercent, ECS can
#   neither start a new task (no room above the maximum) nor stop an old one
#   (it would go below the minimum), so deployments never make progress
#   (reported high). With minimumHealthyPercent 0 and tasks running, ECS may
#   stop every running task before the new ones are healthy: each deployment
#   is an outage. ECS rounds the maximum down and the minimum up to whole
#   tasks, so with a known desiredCount the counts are compared too:
#   maximumPercent 150 with minimumHealthyPercent 100 stalls a one-task
#   service just the same.
#
#   Only REPLICA services (schedulingStrategy absent or REPLICA) deployed
#   with ECS rolling updates are checked: DAEMON services default to
#   minimumHealthyPercent 0 and maximumPercent 100 by design, and blue/green,
#   linear, canary, CODE_DEPLOY and EXTERNAL deployments start the new tasks
#   beside the old ones. Absent values take the API's defaults (200 and 100).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_definition_parameters.html#sd-deploymentconfiguration
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html
# custom:
#   id: ECS104
#   name: unsafe-deployment-percent
#   severity: medium
#   kinds: [aws.ecs.service]
#   tags: [reliability, deployment, ecs]
#   remediation: |
#     Keep maximumPercent above minimumHealthyPercent, and keep some tasks
#     running during deployments (100/200 is the safe default; 50/100 when
#     the cluster has no spare capacity).
#
#     JSON:
#       "deploymentConfiguration": {"minimumHealthyPercent": 100, "maximumPercent": 200}
#
#     Terraform (aws_ecs_service):
#       deployment_minimum_healthy_percent = 100
#       deployment_maximum_percent         = 200
package shipcheck.ecs.unsafe_deployment_percent

import data.shipcheck.lib.ecs_service as svc
import data.shipcheck.lib.values

checked if {
	svc.replica
	svc.rolling
}

deny contains {"msg": msg, "path": path, "severity": "high"} if {
	checked
	max := svc.maximum_percent
	min := svc.minimum_healthy_percent
	max <= min
	path := stall_path
	msg := sprintf("maximumPercent (%v) is not above minimumHealthyPercent (%v): a rolling deployment can neither start a new task nor stop an old one, so it never progresses; raise maximumPercent (200 is the default) or lower minimumHealthyPercent", [max, min])
}

# With a known desiredCount the percentages become task counts, the maximum
# rounded down and the minimum rounded up: 150/100 of one task leaves no
# room either.
deny contains {"msg": msg, "path": path, "severity": "high"} if {
	checked
	max := svc.maximum_percent
	min := svc.minimum_healthy_percent
	max > min
	desired := values.number(object.get(svc.spec, "desiredCount", null))
	desired > 0
	most := floor((desired * max) / 100)
	least := ceil((desired * min) / 100)
	most <= least
	path := stall_path
	msg := sprintf("with desiredCount %v, maximumPercent %v caps the service at %v tasks and minimumHealthyPercent %v requires %v to keep running: a rolling deployment can neither start a new task nor stop an old one, so it never progresses; raise maximumPercent (200 is the default) or lower minimumHealthyPercent", [desired, max, most, min, least])
}

# stall_path points at maximumPercent when written, else at the written
# minimumHealthyPercent that reached it.
stall_path := svc.deployment_path("maximumPercent") if not svc.absent(svc.deployment, "maximumPercent")

stall_path := svc.deployment_path("minimumHealthyPercent") if svc.absent(svc.deployment, "maximumPercent")

deny contains {"msg": msg, "path": ["deploymentConfiguration", "minimumHealthyPercent"]} if {
	checked
	not svc.absent(svc.deployment, "minimumHealthyPercent")
	svc.minimum_healthy_percent == 0
	desired := values.number(object.get(svc.spec, "desiredCount", null))
	desired > 0
	msg := sprintf("minimumHealthyPercent is 0 with desiredCount %v: every deployment may stop all running tasks before new ones are healthy, an outage; set minimumHealthyPercent to 100 (or 50 when the cluster has no spare capacity)", [desired])
}
