# METADATA
# title: Secrets used without an execution role
# description: |
#   The ECS agent fetches container secrets (Secrets Manager, SSM
#   Parameter Store), private registry credentials and log driver
#   secretOptions with the task's execution role. Without executionRoleArn
#   it has no credentials to do so: the task definition registers, but
#   every task fails to start with a ResourceInitializationError, which
#   typically surfaces only at deploy time as a service that never becomes
#   stable.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html
# custom:
#   id: ECS016
#   name: secrets-without-execution-role
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [reliability, iam, ecs]
#   remediation: |
#     Set an execution role allowed to read the secrets
#     (secretsmanager:GetSecretValue, ssm:GetParameters, kms:Decrypt).
#
#     JSON:
#       "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
#
#     Terraform:
#       execution_role_arn = aws_iam_role.execution.arn
package shipcheck.ecs.secrets_without_execution_role

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

# uses names what each container field makes the agent fetch.
uses := {
	"secrets": "secrets",
	"repositoryCredentials": "private registry credentials",
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, field]} if {
	not ecs.present(object.get(ecs.spec, "executionRoleArn", null))
	some i, c in ecs.containers
	some field, what in uses
	used(object.get(c, field, null))
	msg := sprintf("%s uses %s but the task has no executionRoleArn: the ECS agent cannot fetch them and the task fails to start; set an execution role that can read them", [ecs.label(c, i), what])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "logConfiguration", "secretOptions"]} if {
	not ecs.present(object.get(ecs.spec, "executionRoleArn", null))
	some i, c in ecs.containers
	used(object.get(c, ["logConfiguration", "secretOptions"], null))
	msg := sprintf("%s passes secretOptions to its log driver but the task has no executionRoleArn: the ECS agent cannot fetch them and the task fails to start; set an execution role that can read them", [ecs.label(c, i)])
}

# used holds for a non-empty list of secrets or a credentials object that
# names a credentials parameter.
used(x) if {
	is_array(x)
	count(x) > 0
}

used(x) if values.nonempty_string(object.get(x, "credentialsParameter", null))
