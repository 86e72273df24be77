# METADATA
# title: Secret in container environment
# description: |
#   Values in a container's environment[] are stored in plain text in the
#   task definition: every revision keeps them forever, and anyone allowed
#   ecs:DescribeTaskDefinition (consoles, CI roles, auditors, third-party
#   tools) can read them, as can anything that lists the container's
#   environment at run time. A leaked credential written here cannot be
#   rotated away by deleting a revision. Credential-looking values (AWS keys,
#   private keys, GitHub/GitLab/Slack/Stripe tokens, JWTs, URLs with a
#   password) are reported as high, or critical for private keys and cloud
#   credentials; a literal value under a secret-looking name (DB_PASSWORD,
#   apiKey) as medium. Entries in secrets[] are the fix and are never
#   reported; values are masked in every message.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Secret.html
# custom:
#   id: ECS002
#   name: secret-in-environment
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [security, secrets, ecs]
#   remediation: |
#     Store the value in AWS Secrets Manager or SSM Parameter Store, rotate it
#     if it was ever committed, and inject it through secrets[] (the task
#     execution role needs secretsmanager:GetSecretValue or ssm:GetParameters).
#
#     JSON:
#       "secrets": [{"name": "DB_PASSWORD",
#                    "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"}]
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       secrets = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }]
package shipcheck.ecs.secret_in_environment

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

deny contains finding if {
	some i, c in ecs.containers
	some j, e in values.array_or_empty(object.get(c, "environment", null))
	is_object(e)
	m := shipcheck.secret.classify(name(e), e.value)
	finding := {
		"msg": sprintf(
			"%s: environment %s looks like a secret (%s): %s; move it to secrets[] with valueFrom pointing at Secrets Manager or SSM Parameter Store, and rotate it",
			[ecs.label(c, i), variable_label(e, j), m.reason, m.masked],
		),
		"path": ["containerDefinitions", i, "environment", j, "value"],
		"severity": m.severity,
	}
}

# name is the variable's name, or "" when it has none: a credential-looking
# value is reported whatever its name.
name(e) := e.name if is_string(e.name)

name(e) := "" if not is_string(object.get(e, "name", null))

variable_label(e, _) := sprintf("variable %q", [e.name]) if values.nonempty_string(object.get(e, "name", null))

variable_label(e, j) := sprintf("entry #%d", [j + 1]) if not values.nonempty_string(object.get(e, "name", null))
