package shipcheck.aws.public_repository_policy_test

import data.shipcheck.aws.public_repository_policy.deny

repo(statement) := {"kind": "aws.ecr.repository", "spec": {"repositoryPolicy": {"Version": "2012-10-17", "Statement": statement}}}

test_star_principal_string if {
	ds := deny with input as repo([{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}])
	count(ds) == 1
	some d in ds
	d.path == ["repositoryPolicy", "Statement", 0]
}

test_aws_star_list_and_action_list if {
	count(deny) == 1 with input as repo([{"Sid": "x", "Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}])
}

test_statement_object if {
	ds := deny with input as repo({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "ecr:*"})
	some d in ds
	d.path == ["repositoryPolicy", "Statement"]
}

test_star_action if {
	count(deny) == 1 with input as repo([{"Effect": "Allow", "Principal": "*", "Action": "*"}])
}

test_condition_passes if {
	count(deny) == 0 with input as repo([{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}}}])
}

test_deny_passes if {
	count(deny) == 0 with input as repo([{"Effect": "Deny", "Principal": "*", "Action": "ecr:*"}])
}

test_account_principal_passes if {
	count(deny) == 0 with input as repo([{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "ecr:*"}])
}

test_non_ecr_action_passes if {
	count(deny) == 0 with input as repo([{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}])
}

test_no_policy_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecr.repository", "spec": {}}
}

test_empty_condition_is_no_condition if {
	count(deny) == 1 with input as repo([{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Condition": {}}])
}

test_unknown_condition_passes if {
	count(deny) == 0 with input as repo([{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Condition": "${var.condition}"}])
}

test_unknown_principal_passes if {
	count(deny) == 0 with input as repo([{"Effect": "Allow", "Principal": "${var.principal}", "Action": "ecr:*"}])
}
