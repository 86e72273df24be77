# METADATA
# title: Container has no log configuration
# description: |
#   Without a logConfiguration a container's stdout and stderr go nowhere you
#   can read after the fact: on Fargate they are lost, on EC2 they sit in
#   the instance's json-file logs until the instance is replaced. When a
#   task crashes or is stopped by a failed health check, the logs that would
#   explain why are gone, and there is no audit trail. logDriver "none"
#   discards them explicitly.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html
# custom:
#   id: ECS008
#   name: missing-log-configuration
#   severity: medium
#   kinds: [aws.ecs.task-definition]
#   tags: [observability, ecs]
#   remediation: |
#     Send the container's output to CloudWatch Logs (or to a FireLens log
#     router with awsfirelens). The execution role needs logs:CreateLogStream
#     and logs:PutLogEvents.
#
#     JSON:
#       "logConfiguration": {"logDriver": "awslogs",
#         "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1",
#                     "awslogs-stream-prefix": "web"}}
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       logConfiguration = { logDriver = "awslogs", options = {
#         "awslogs-group" = aws_cloudwatch_log_group.web.name, "awslogs-region" = var.region,
#         "awslogs-stream-prefix" = "web" } }
package shipcheck.ecs.missing_log_configuration

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": ["containerDefinitions", i]} if {
	some i, c in ecs.containers
	not present(object.get(c, "logConfiguration", null))
	msg := sprintf("%s has no logConfiguration, so its output is lost when the task stops; send it to CloudWatch Logs with the awslogs driver (or to a FireLens router)", [ecs.label(c, i)])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "logConfiguration"]} if {
	some i, c in ecs.containers
	is_object(c.logConfiguration)
	not is_string(object.get(c.logConfiguration, "logDriver", null))
	msg := sprintf("%s: logConfiguration has no logDriver; set logDriver to awslogs (or awsfirelens) so its output is kept", [ecs.label(c, i)])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "logConfiguration", "logDriver"]} if {
	some i, c in ecs.containers
	driver := c.logConfiguration.logDriver
	is_string(driver)
	lower(trim_space(driver)) == "none"
	msg := sprintf("%s: logDriver is none, so its output is discarded; use awslogs (or awsfirelens)", [ecs.label(c, i)])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "logConfiguration", "logDriver"]} if {
	some i, c in ecs.containers
	driver := c.logConfiguration.logDriver
	is_string(driver)
	not values.nonempty_string(driver)
	msg := sprintf("%s: logDriver is empty; set it to awslogs (or awsfirelens) so its output is kept", [ecs.label(c, i)])
}

# present holds for a log configuration, or an expression (a Terraform
# local or variable) that yields one we cannot see.
present(x) if is_object(x)

present(x) if values.unknown(x)
