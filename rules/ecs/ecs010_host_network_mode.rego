# METADATA
# title: Task uses host network mode
# description: |
#   In host mode the containers use the EC2 instance's network stack
#   directly: they can bind any port of the instance, see and interfere with
#   its traffic and every local service (including the instance metadata
#   endpoint and its role credentials), have no security group of their own,
#   and two copies of the task cannot run on one instance. awsvpc gives the
#   task its own interface and security groups with comparable network
#   performance.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/networking-networkmode-host.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/networking-networkmode-awsvpc.html
# custom:
#   id: ECS010
#   name: host-network-mode
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [security, networking, ecs]
#   remediation: |
#     Use awsvpc and give the service a networkConfiguration with subnets and
#     security groups.
#
#     JSON:
#       "networkMode": "awsvpc"
#
#     Terraform (aws_ecs_task_definition):
#       network_mode = "awsvpc"
package shipcheck.ecs.host_network_mode

import data.shipcheck.lib.ecs

deny contains {"msg": msg, "path": ["networkMode"]} if {
	is_string(ecs.spec.networkMode)
	lower(trim_space(ecs.spec.networkMode)) == "host"
	msg := "networkMode is host: the containers share the instance's network stack, ports and metadata endpoint and have no security group of their own; use awsvpc"
}
