package shipcheck.aws.mutable_tags_test

import data.shipcheck.aws.mutable_tags.deny

repo(spec) := {"kind": "aws.ecr.repository", "spec": spec}

test_absent if {
	ds := deny with input as repo({"repositoryName": "app"})
	some d in ds
	d.path == []
}

test_mutable if {
	ds := deny with input as repo({"imageTagMutability": "MUTABLE"})
	some d in ds
	d.path == ["imageTagMutability"]
}

test_mutable_with_exclusion if {
	count(deny) == 1 with input as repo({"imageTagMutability": "MUTABLE_WITH_EXCLUSION"})
}

test_immutable_passes if {
	count(deny) == 0 with input as repo({"imageTagMutability": "IMMUTABLE"})
}

test_immutable_with_exclusion_passes if {
	count(deny) == 0 with input as repo({"imageTagMutability": "IMMUTABLE_WITH_EXCLUSION"})
}

test_unknown_passes if {
	count(deny) == 0 with input as repo({"imageTagMutability": "${var.mutability}"})
}
