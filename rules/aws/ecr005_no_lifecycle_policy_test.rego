package shipcheck.aws.no_lifecycle_policy_test

import data.shipcheck.aws.no_lifecycle_policy.deny

test_absent if {
	ds := deny with input as {"kind": "aws.ecr.repository", "spec": {"repositoryName": "app"}}
	some d in ds
	d.path == []
}

test_attached_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecr.repository", "spec": {"lifecyclePolicy": {"rules": []}}}
}

test_unknown_policy_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecr.repository", "spec": {"lifecyclePolicy": "${file(var.policy)}"}}
}
