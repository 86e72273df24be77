# METADATA
# title: Task role and execution role are the same role
# description: |
#   The execution role is used by the ECS agent to pull images, fetch
#   secrets and write logs; the task role is what the application's code
#   gets. Using one role for both gives the application every permission the
#   agent needs (read all the task's secrets, pull from the registry) and
#   the agent every permission the application needs, so a compromised
#   application can read secrets meant for other containers and widen its
#   reach. Separate roles keep each to least privilege.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
# custom:
#   id: ECS015
#   name: shared-task-execution-role
#   severity: low
#   enabled: false
#   kinds: [aws.ecs.task-definition]
#   tags: [security, iam, ecs]
#   remediation: |
#     Create a separate task role with only the application's permissions.
#
#     JSON:
#       "executionRoleArn": "arn:aws:iam::123456789012:role/app-execution",
#       "taskRoleArn": "arn:aws:iam::123456789012:role/app-task"
#
#     Terraform:
#       execution_role_arn = aws_iam_role.execution.arn
#       task_role_arn      = aws_iam_role.task.arn
package shipcheck.ecs.shared_task_execution_role

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": ["taskRoleArn"]} if {
	task := ecs.spec.taskRoleArn
	execution := ecs.spec.executionRoleArn
	values.nonempty_string(task)
	values.nonempty_string(execution)
	role_name(task) == role_name(execution)
	msg := sprintf("taskRoleArn and executionRoleArn are the same role (%s): the application gets the agent's permissions to pull images and read every secret; give the task its own role", [task])
}

# role_name reduces an ARN ("arn:aws:iam::1:role/path/app") or a bare role
# name ("app") to the role's name, which is how the API accepts either. A
# reference ("${aws_iam_role.app.arn}") is compared as written.
role_name(x) := name if {
	startswith(x, "arn:")
	parts := split(trim_space(x), "/")
	name := parts[count(parts) - 1]
}

role_name(x) := trim_space(x) if not startswith(x, "arn:")
