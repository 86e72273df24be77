# METADATA
# title: Service sets both launchType and capacityProviderStrategy
# description: |
#   A service runs either on a launch type or on a capacity provider
#   strategy, never both: CreateService rejects the request with
#   InvalidParameterException ("Specifying both a launch type and capacity
#   provider strategy is not supported"), so the deployment fails. In
#   Terraform the plan succeeds and apply fails.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html
# custom:
#   id: ECS106
#   name: launch-type-with-capacity-providers
#   severity: high
#   kinds: [aws.ecs.service]
#   tags: [correctness, ecs]
#   remediation: |
#     Keep one of the two: remove launchType to use the capacity providers
#     (FARGATE / FARGATE_SPOT for Fargate), or remove the strategy.
#
#     JSON:
#       "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}]
#
#     Terraform (aws_ecs_service): delete launch_type and keep
#       capacity_provider_strategy {
#         capacity_provider = "FARGATE"
#         weight            = 1
#       }
package shipcheck.ecs.launch_type_with_capacity_providers

import data.shipcheck.lib.ecs_service as svc
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": ["launchType"]} if {
	launch_type := object.get(svc.spec, "launchType", null)
	values.nonempty_string(launch_type)
	not values.unknown(launch_type)
	strategy := object.get(svc.spec, "capacityProviderStrategy", null)
	some entry in values.array_or_empty(strategy)
	provider := object.get(values.object_or_empty(entry), "capacityProvider", "")
	values.nonempty_string(provider) # a CLI skeleton's {"capacityProvider": ""} names none
	msg := sprintf("launchType %s is set together with capacityProviderStrategy: the API rejects a service with both; remove launchType to use the capacity providers, or remove the strategy", [launch_type])
}
