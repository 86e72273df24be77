# METADATA
# title: Container runs as root
# description: |
#   A process running as root inside the container is root on the host's
#   kernel: a container escape, a writable host mount or an added capability
#   turns an application bug into control of the instance and every task on
#   it. When user is not set, ECS runs the image's default user, which is
#   root unless the Dockerfile sets USER; that case is reported as medium,
#   an explicit root user (root, 0, root:group, 0:group) as high. Windows
#   containers do not use this field and are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
# custom:
#   id: ECS005
#   name: root-user
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [security, ecs]
#   remediation: |
#     Run as an unprivileged UID (and make the image work with it: files the
#     process writes must be owned by that user).
#
#     JSON:
#       "user": "1000:1000"
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       user = "1000:1000"
#
#     Dockerfile (so the image is safe by default too):
#       USER 1000:1000
package shipcheck.ecs.root_user

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": ["containerDefinitions", i, "user"]} if {
	ecs.linux
	some i, c in ecs.containers
	values.nonempty_string(object.get(c, "user", null))
	root(c.user)
	msg := sprintf("%s: user %q runs the process as root; set user to an unprivileged UID such as \"1000:1000\"", [ecs.label(c, i), c.user])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i], "severity": "medium"} if {
	ecs.linux
	some i, c in ecs.containers
	not values.nonempty_string(object.get(c, "user", null))
	msg := sprintf("%s sets no user, so it runs as the image's default user, root unless the image sets USER; set user to an unprivileged UID such as \"1000:1000\"", [ecs.label(c, i)])
}

# root holds for root and UID 0 with any group: "root", "0", "root:staff",
# "0:0"; "1000:0" (an unprivileged user in group root) is not root.
root(user) if trim_space(split(user, ":")[0]) == "root"

root(user) if regex.match(`^0+$`, trim_space(split(user, ":")[0]))
