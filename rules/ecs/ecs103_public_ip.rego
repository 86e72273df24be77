# METADATA
# title: Service assigns public IP addresses to its tasks
# description: |
#   With assignPublicIp ENABLED every task's network interface gets a public
#   IPv4 address: the task is reachable from the internet on every port its
#   security group allows, a single security group mistake exposes it, and
#   each address is billed. Tasks in private subnets reach ECR, Secrets
#   Manager and the internet through a NAT gateway or VPC endpoints and are
#   published through a load balancer instead. (A task in a public subnet
#   without a public IP cannot pull images without NAT or endpoints, which
#   is why this setting is often turned on to "make it work".)
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/networking-outbound.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html
# custom:
#   id: ECS103
#   name: public-ip
#   severity: medium
#   kinds: [aws.ecs.service]
#   tags: [security, networking, ecs]
#   remediation: |
#     Run the tasks in private subnets without public IPs; reach AWS APIs
#     through VPC endpoints or a NAT gateway and publish the service through
#     a load balancer.
#
#     JSON:
#       "networkConfiguration": {"awsvpcConfiguration": {
#         "subnets": ["subnet-private-a"], "assignPublicIp": "DISABLED"}}
#
#     Terraform (aws_ecs_service):
#       network_configuration {
#         subnets          = var.private_subnet_ids
#         assign_public_ip = false
#       }
package shipcheck.ecs.public_ip

import data.shipcheck.lib.ecs_service as svc
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": ["networkConfiguration", "awsvpcConfiguration", "assignPublicIp"]} if {
	network := values.object_or_empty(object.get(svc.spec, "networkConfiguration", null))
	vpc := values.object_or_empty(object.get(network, "awsvpcConfiguration", null))
	vpc.assignPublicIp == "ENABLED"
	msg := "assignPublicIp is ENABLED: every task gets a public IP address and is reachable from the internet wherever its security group allows; run tasks in private subnets with assignPublicIp DISABLED and publish them through a load balancer"
}
