# METADATA
# title: Fixed host port
# description: |
#   In bridge mode a fixed hostPort binds the port on the instance, so only
#   one copy of the task fits on each instance: deployments that start the
#   new task before stopping the old one stall for lack of a free port, and
#   scaling is capped by the number of instances. Leave hostPort out (or 0)
#   to get a dynamic port that the load balancer discovers. In awsvpc and
#   host mode the host port is the container port; a different hostPort is
#   rejected by the API.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_portmappings
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/networking-networkmode-bridge.html
# custom:
#   id: ECS022
#   name: host-port
#   severity: low
#   kinds: [aws.ecs.task-definition]
#   tags: [reliability, ecs]
#   remediation: |
#     In bridge mode omit hostPort (or set 0) for a dynamic port; in awsvpc
#     or host mode omit it or set it equal to containerPort.
#
#     JSON:
#       "portMappings": [{"containerPort": 8080, "protocol": "tcp"}]
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       portMappings = [{ containerPort = 8080, protocol = "tcp" }]
package shipcheck.ecs.host_port

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

mappings contains [i, j, c, m] if {
	some i, c in ecs.containers
	some j, m in values.array_or_empty(object.get(c, "portMappings", []))
	is_object(m)
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "portMappings", j, "hostPort"]} if {
	lower(ecs.network_mode) == "bridge"
	some [i, j, c, m] in mappings
	host := values.number(m.hostPort)
	host != 0
	msg := sprintf("%s binds the fixed host port %v in bridge mode: only one such task fits on an instance and rolling deployments stall; omit hostPort (or set 0) for a dynamic port", [ecs.label(c, i), host])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "portMappings", j, "hostPort"], "severity": "high"} if {
	lower(ecs.network_mode) in {"awsvpc", "host"}
	some [i, j, c, m] in mappings
	host := values.number(m.hostPort)
	port := values.number(m.containerPort)
	host != 0
	host != port
	msg := sprintf("%s maps host port %v to container port %v, but in %s mode the host port must equal the container port; the API rejects it: omit hostPort or set it to %v", [ecs.label(c, i), host, port, lower(ecs.network_mode), port])
}
