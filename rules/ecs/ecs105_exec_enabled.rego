# METADATA
# title: ECS Exec is enabled on the service
# description: |
#   enableExecuteCommand lets anyone allowed ecs:ExecuteCommand open an
#   interactive shell in the running production containers, with the
#   task role's credentials and access to every secret in the environment.
#   It is a debugging back door that is easy to leave on: keep it off in
#   production, or restrict ecs:ExecuteCommand tightly, log sessions to
#   CloudWatch or S3 and encrypt them with KMS.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-iam.html
# custom:
#   id: ECS105
#   name: exec-enabled
#   severity: low
#   kinds: [aws.ecs.service]
#   tags: [security, ecs]
#   remediation: |
#     Turn ECS Exec off for production services (enable it temporarily with
#     update-service when you need to debug).
#
#     JSON:
#       "enableExecuteCommand": false
#
#     Terraform (aws_ecs_service):
#       enable_execute_command = false
package shipcheck.ecs.exec_enabled

import data.shipcheck.lib.ecs_service as svc
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": ["enableExecuteCommand"]} if {
	values.is_true(object.get(svc.spec, "enableExecuteCommand", null))
	msg := "enableExecuteCommand is true: anyone allowed ecs:ExecuteCommand can open a shell in the running containers with the task role's credentials; turn it off in production or restrict and log ECS Exec sessions"
}
