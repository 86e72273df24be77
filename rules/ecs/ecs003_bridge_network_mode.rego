# METADATA
# title: Task uses bridge network mode
# description: |
#   In bridge mode every container of every task on an EC2 instance shares
#   the Docker bridge: tasks cannot have their own security groups, any
#   container can reach the others' ports on the instance, and the instance
#   metadata endpoint (and its role credentials) is reachable from every
#   container unless iptables rules block it. Ports are NAT-mapped, so
#   service discovery needs SRV records and load balancer target groups of
#   type instance. Omitting networkMode does not avoid this: on Linux EC2 it
#   defaults to bridge. awsvpc gives each task its own ENI, security groups
#   and VPC flow logs, and is what Fargate requires. Windows tasks (whose
#   default is NAT), ECS Anywhere (EXTERNAL) tasks and the default on ECS
#   Managed Instances (which do not offer bridge) are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/networking-networkmode-bridge.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/networking-networkmode-awsvpc.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/bestpracticesguide/networking-networkmode.html
# custom:
#   id: ECS003
#   name: bridge-network-mode
#   severity: medium
#   kinds: [aws.ecs.task-definition]
#   tags: [security, networking, ecs]
#   remediation: |
#     Use awsvpc and give the service a networkConfiguration with subnets and
#     security groups (target groups become type ip). Set hostPort to the
#     containerPort or omit it.
#
#     JSON:
#       "networkMode": "awsvpc"
#
#     Terraform (aws_ecs_task_definition):
#       network_mode = "awsvpc"
package shipcheck.ecs.bridge_network_mode

import data.shipcheck.lib.ecs

deny contains {"msg": msg, "path": ["networkMode"]} if {
	not ecs.external
	not ecs.network_mode_defaulted
	lower(ecs.network_mode) == "bridge"
	msg := "networkMode is bridge: containers share the instance's Docker bridge and cannot have their own security groups; use awsvpc"
}

deny contains {"msg": msg, "path": []} if {
	not ecs.external
	ecs.network_mode_defaulted
	ecs.network_mode == "bridge"
	ec2
	msg := "the task definition sets no networkMode, so on EC2 it defaults to bridge: containers share the instance's Docker bridge and cannot have their own security groups; set networkMode to awsvpc"
}

# ec2 holds when the task may run on EC2 container instances, the only
# launch type whose default is bridge: ECS Managed Instances support only
# awsvpc, host and none.
ec2 if count(ecs.compatibilities) == 0

ec2 if "EC2" in ecs.compatibilities
