package shipcheck.ecs.secrets_without_execution_role_test

import data.shipcheck.ecs.secrets_without_execution_role.deny

task(spec) := {"kind": "aws.ecs.task-definition", "spec": spec}

secret := {"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"}

test_secrets_without_role if {
	ds := deny with input as task({"containerDefinitions": [{"name": "app", "secrets": [secret]}]})
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0, "secrets"]
	contains(d.msg, `container "app"`)
}

test_repository_credentials_without_role if {
	ds := deny with input as task({"containerDefinitions": [{"name": "app", "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:us-east-1:1:secret:hub"}}]})
	some d in ds
	d.path == ["containerDefinitions", 0, "repositoryCredentials"]
}

test_log_secret_options_without_role if {
	ds := deny with input as task({"containerDefinitions": [{"name": "app", "logConfiguration": {"logDriver": "splunk", "secretOptions": [{"name": "splunk-token", "valueFrom": "arn:aws:ssm:us-east-1:1:parameter/t"}]}}]})
	some d in ds
	d.path == ["containerDefinitions", 0, "logConfiguration", "secretOptions"]
}

test_every_use_reported if {
	count(deny) == 2 with input as task({"containerDefinitions": [
		{"name": "a", "secrets": [secret]},
		{"name": "b", "repositoryCredentials": {"credentialsParameter": "x"}},
	]})
}

test_with_role_passes if {
	count(deny) == 0 with input as task({"executionRoleArn": "arn:aws:iam::1:role/exec", "containerDefinitions": [{"name": "app", "secrets": [secret]}]})
}

test_unknown_role_passes if {
	count(deny) == 0 with input as task({"executionRoleArn": "${aws_iam_role.exec.arn}", "containerDefinitions": [{"name": "app", "secrets": [secret]}]})
}

test_empty_secrets_pass if {
	count(deny) == 0 with input as task({"containerDefinitions": [{"name": "app", "secrets": [], "logConfiguration": {"logDriver": "awslogs"}}]})
}

test_empty_role_string_is_missing if {
	count(deny) == 1 with input as task({"executionRoleArn": "", "containerDefinitions": [{"name": "app", "secrets": [secret]}]})
}
