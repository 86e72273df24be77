# METADATA
# title: No essential container
# description: |
#   Every task needs at least one essential container: ECS stops the task
#   when an essential container exits, and that is how a task ends. The API
#   rejects a task definition in which every container sets essential to
#   false, so the deployment fails at registration.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_environment
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
# custom:
#   id: ECS019
#   name: no-essential-container
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [reliability, ecs]
#   remediation: |
#     Mark the application container essential (true is the default).
#
#     JSON:
#       "essential": true
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       essential = true
package shipcheck.ecs.no_essential_container

import data.shipcheck.lib.ecs

deny contains {"msg": msg, "path": ["containerDefinitions"]} if {
	count(ecs.containers) > 0
	ecs.definitions_known
	every c in ecs.containers {
		not ecs.essential(c)
	}
	msg := "no container is essential: the API rejects the task definition; set \"essential\": true on the application container"
}
