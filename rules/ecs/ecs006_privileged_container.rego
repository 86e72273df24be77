# METADATA
# title: Privileged container
# description: |
#   A privileged container gets every Linux capability, all host devices and
#   no seccomp or AppArmor confinement: it is root on the EC2 instance, can
#   mount the host's disks, load kernel modules and read the credentials of
#   every other task on the instance. Almost nothing needs it; the few
#   workloads that need one kernel feature can add that single capability or
#   device through linuxParameters instead. Fargate rejects it. Windows
#   containers do not support the field and are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html
#   - ref: https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
# custom:
#   id: ECS006
#   name: privileged-container
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [security, ecs]
#   remediation: |
#     Remove privileged, and grant only what the container needs.
#
#     JSON:
#       "privileged": false,
#       "linuxParameters": {"capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]}}
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       privileged = false
package shipcheck.ecs.privileged_container

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": ["containerDefinitions", i, "privileged"]} if {
	ecs.linux
	some i, c in ecs.containers
	values.is_true(object.get(c, "privileged", null))
	msg := sprintf("%s is privileged: it has every capability and all host devices, which makes it root on the instance; remove privileged and add only the capabilities it needs in linuxParameters", [ecs.label(c, i)])
}
