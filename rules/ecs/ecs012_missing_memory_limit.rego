# METADATA
# title: Container without a memory limit
# description: |
#   On EC2 and external instances a container with no hard memory limit,
#   in a task with no task-level memory, can use all of the instance's
#   memory. One leaking container then starves every other task on the
#   instance until the kernel's OOM killer picks a victim, often not the
#   culprit. A memoryReservation is only a soft limit used for placement: it
#   does not stop the container from growing. Fargate tasks always have a
#   task-level memory and are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_memory
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
# custom:
#   id: ECS012
#   name: missing-memory-limit
#   severity: low
#   kinds: [aws.ecs.task-definition]
#   tags: [reliability, ecs]
#   remediation: |
#     Give each container a hard memory limit in MiB, or the task a
#     task-level memory that all its containers share.
#
#     JSON:
#       "memory": 512,
#       "memoryReservation": 256
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       memory            = 512
#       memoryReservation = 256
#     or on the aws_ecs_task_definition resource: memory = 1024
package shipcheck.ecs.missing_memory_limit

import data.shipcheck.lib.ecs

deny contains {"msg": msg, "path": ["containerDefinitions", i]} if {
	not ecs.fargate
	not ecs.present(object.get(ecs.spec, "memory", null))
	some i, c in ecs.containers
	not ecs.present(object.get(c, "memory", null))
	msg := sprintf("%s has no memory limit and the task sets no task-level memory, so it can use all of the instance's memory%s; set memory (a hard limit in MiB) on the container or the task", [ecs.label(c, i), reservation_note(c)])
}

reservation_note(c) := " (memoryReservation is only a soft limit)" if ecs.present(object.get(c, "memoryReservation", null))

reservation_note(c) := "" if not ecs.present(object.get(c, "memoryReservation", null))
