# METADATA
# title: Container root filesystem is writable
# description: |
#   With a writable root filesystem an attacker who gets code execution in
#   the container can drop tools, change the application's code or
#   configuration and persist until the task is replaced; an application
#   writing logs or caches into its image layers also fills the instance's
#   disk and loses the data on restart. A read-only root filesystem makes
#   such writes fail, and the paths that must stay writable (/tmp, caches)
#   become explicit volumes. Windows containers do not support the field and
#   are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_storage
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
# custom:
#   id: ECS007
#   name: writable-root-filesystem
#   severity: low
#   kinds: [aws.ecs.task-definition]
#   tags: [security, ecs]
#   remediation: |
#     Make the root filesystem read-only and mount a volume where the
#     application must write.
#
#     JSON:
#       "readonlyRootFilesystem": true,
#       "mountPoints": [{"sourceVolume": "tmp", "containerPath": "/tmp"}]
#     with, at task level, "volumes": [{"name": "tmp"}]
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       readonlyRootFilesystem = true
package shipcheck.ecs.writable_root_filesystem

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": ["containerDefinitions", i, "readonlyRootFilesystem"]} if {
	ecs.linux
	some i, c in ecs.containers
	values.is_false(object.get(c, "readonlyRootFilesystem", null))
	msg := sprintf("%s sets readonlyRootFilesystem to false; set it to true and mount a volume for the paths it must write", [ecs.label(c, i)])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i]} if {
	ecs.linux
	some i, c in ecs.containers
	not set(object.get(c, "readonlyRootFilesystem", null))
	msg := sprintf("%s does not set readonlyRootFilesystem, so its root filesystem is writable; set it to true and mount a volume for the paths it must write", [ecs.label(c, i)])
}

# set holds for a boolean (or "true"/"false") and for a value that cannot be
# known statically; anything else is treated as absent.
set(x) if values.is_true(x)

set(x) if values.is_false(x)

set(x) if values.unknown(x)
