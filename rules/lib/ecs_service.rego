# METADATA
# description: |
#   Helpers for ECS services (aws.ecs.service): deployment controller and
#   strategy, scheduling strategy, Fargate detection, and the API's
#   defaults for deployment percentages.
package shipcheck.lib.ecs_service

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

deployment := values.object_or_empty(object.get(spec, "deploymentConfiguration", null))

breaker := values.object_or_empty(object.get(deployment, "deploymentCircuitBreaker", null))

# absent holds for a field that is not written, or written null or "" (as
# Terraform plans show unset optional attributes).
absent(obj, key) if object.get(obj, key, null) == null

absent(obj, key) if object.get(obj, key, null) == ""

# update_input holds for update-service input ({"service": "name", ...}),
# where an absent field means "unchanged", not the API default: rules about
# missing settings and defaults do not apply to it.
update_input if {
	is_string(object.get(spec, "service", null))
	absent(spec, "serviceName")
}

controller := values.object_or_empty(object.get(spec, "deploymentController", null))

# ecs_controller holds when ECS itself runs deployments: deploymentController
# absent or of type ECS (not CODE_DEPLOY or EXTERNAL).
ecs_controller if absent(controller, "type")

ecs_controller if controller.type == "ECS"

# rolling holds for rolling-update deployments: ECS controller with the
# strategy absent or ROLLING (not BLUE_GREEN, LINEAR or CANARY).
rolling if {
	ecs_controller
	absent(deployment, "strategy")
}

rolling if {
	ecs_controller
	deployment.strategy == "ROLLING"
}

# replica holds for REPLICA services; schedulingStrategy defaults to REPLICA.
replica if absent(spec, "schedulingStrategy")

replica if spec.schedulingStrategy == "REPLICA"

fargate_providers := {"FARGATE", "FARGATE_SPOT"}

# fargate holds for services that run on Fargate: launch type FARGATE or a
# FARGATE / FARGATE_SPOT capacity provider.
fargate if spec.launchType == "FARGATE"

fargate if {
	some s in values.array_or_empty(object.get(spec, "capacityProviderStrategy", null))
	s.capacityProvider in fargate_providers
}

# percent returns deploymentConfiguration[name] as a number, the API's
# default when absent (not for update-service input), and is undefined for
# an unknown or malformed value.
percent(name, _) := n if {
	not absent(deployment, name)
	n := values.number(deployment[name])
}

percent(name, fallback) := fallback if {
	absent(deployment, name)
	not update_input
}

maximum_percent := percent("maximumPercent", 200)

minimum_healthy_percent := percent("minimumHealthyPercent", 100)

# deployment_path is the path of deploymentConfiguration[name] when written,
# else of the nearest written parent.
deployment_path(name) := ["deploymentConfiguration", name] if not absent(deployment, name)

deployment_path(name) := ["deploymentConfiguration"] if {
	absent(deployment, name)
	not absent(spec, "deploymentConfiguration")
}

deployment_path(name) := [] if {
	absent(deployment, name)
	absent(spec, "deploymentConfiguration")
}
