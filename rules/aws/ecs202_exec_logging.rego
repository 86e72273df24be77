# METADATA
# title: ECS Exec sessions are not logged or not encrypted
# description: |
#   ECS Exec opens an interactive shell in running containers. With logging
#   NONE, nothing records the commands run or their output, so an
#   investigation after an incident has no trail of what an operator or an
#   attacker with ecs:ExecuteCommand did. With OVERRIDE logging and neither
#   a KMS key nor encryption of the CloudWatch or S3 destination, the
#   session data, which often includes secrets typed or printed in a shell,
#   is stored without the encryption the organisation controls.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-logging
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommandConfiguration.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_cluster#execute_command_configuration
# custom:
#   id: ECS202
#   name: exec-logging
#   severity: low
#   kinds: [aws.ecs.cluster]
#   tags: [security, audit, ecs]
#   remediation: |
#     Log ECS Exec sessions (DEFAULT uses the task's awslogs configuration)
#     or OVERRIDE with an encrypted destination and a KMS key.
#
#     JSON (create-cluster):
#       "configuration": {"executeCommandConfiguration": {
#         "kmsKeyId": "arn:aws:kms:...", "logging": "OVERRIDE",
#         "logConfiguration": {"cloudWatchLogGroupName": "/ecs/exec", "cloudWatchEncryptionEnabled": true}}}
#
#     Terraform (aws_ecs_cluster):
#       configuration {
#         execute_command_configuration {
#           kms_key_id = aws_kms_key.exec.arn
#           logging    = "OVERRIDE"
#           log_configuration {
#             cloud_watch_encryption_enabled = true
#             cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
#           }
#         }
#       }
package shipcheck.aws.exec_logging

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

exec := values.object_or_empty(object.get(values.object_or_empty(object.get(spec, "configuration", null)), "executeCommandConfiguration", null))

logging := object.get(exec, "logging", null)

log_config := values.object_or_empty(object.get(exec, "logConfiguration", null))

path := ["configuration", "executeCommandConfiguration", "logging"]

deny contains {"msg": msg, "path": path} if {
	is_string(logging)
	upper(logging) == "NONE"
	msg := "ECS Exec logging is NONE: commands run in containers through ECS Exec leave no record; use DEFAULT or OVERRIDE logging to an encrypted CloudWatch log group or S3 bucket"
}

deny contains {"msg": msg, "path": path} if {
	is_string(logging)
	upper(logging) == "OVERRIDE"
	not encrypted
	msg := "ECS Exec logging is OVERRIDE without a kmsKeyId or an encrypted destination: session data is stored without a customer-managed key; set kmsKeyId, cloudWatchEncryptionEnabled or s3EncryptionEnabled"
}

encrypted if values.nonempty_string(object.get(exec, "kmsKeyId", null))

encrypted if values.is_true(object.get(log_config, "cloudWatchEncryptionEnabled", false))

encrypted if values.is_true(object.get(log_config, "s3EncryptionEnabled", false))

# Unknown values are never claimed to be unencrypted.
encrypted if values.unknown(object.get(log_config, "cloudWatchEncryptionEnabled", false))

encrypted if values.unknown(object.get(log_config, "s3EncryptionEnabled", false))

encrypted if values.unknown(object.get(exec, "logConfiguration", null))
