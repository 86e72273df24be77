# METADATA
# title: Container memory exceeds what the task or container allows
# description: |
#   A container's memory is a hard limit and memoryReservation a soft one
#   that must not exceed it; the containers' hard limits together must fit
#   in the task's memory. The API rejects a task definition that breaks
#   either rule, so the deployment fails at registration; where a limit is
#   computed elsewhere (Terraform variables), the error only appears when
#   the plan is applied.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_memory
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
# custom:
#   id: ECS021
#   name: memory-overcommit
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [reliability, ecs]
#   remediation: |
#     Keep memoryReservation at or below memory, and the sum of the
#     containers' memory at or below the task's memory.
#
#     JSON:
#       "memory": "1024",
#       "containerDefinitions": [{"name": "app", "memory": 768, "memoryReservation": 512},
#                                {"name": "log-router", "memory": 256}]
#
#     Terraform:
#       memory = 1024   # on aws_ecs_task_definition
#       and memory / memoryReservation inside container_definitions
package shipcheck.ecs.memory_overcommit

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

limits := [n |
	some c in ecs.containers
	n := values.number(object.get(c, "memory", null))
]

deny contains {"msg": msg, "path": ["memory"]} if {
	task := ecs.memory_mib(ecs.spec.memory)
	total := sum(limits)
	total > task
	msg := sprintf("the containers' memory limits add up to %v MiB, more than the task's memory of %v MiB%s; the API rejects the task definition: lower the containers' memory or raise the task's", [total, task, as_written(ecs.spec.memory)])
}

# as_written quotes a memory size written with a unit ("2 GB") beside its
# value in MiB.
as_written(x) := sprintf(" (%q)", [x]) if not values.number(x)

as_written(x) := "" if values.number(x)

deny contains {"msg": msg, "path": ["containerDefinitions", i, "memoryReservation"]} if {
	some i, c in ecs.containers
	reservation := values.number(c.memoryReservation)
	limit := values.number(c.memory)
	reservation > limit
	msg := sprintf("%s has memoryReservation %v MiB above its memory limit of %v MiB; the API rejects it: the reservation (soft limit) must not exceed memory (hard limit)", [ecs.label(c, i), reservation, limit])
}
