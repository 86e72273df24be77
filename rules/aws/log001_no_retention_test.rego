package shipcheck.aws.no_retention_test

import data.shipcheck.aws.no_retention.deny

group(spec) := {"kind": "aws.logs.log-group", "spec": spec}

test_absent if {
	ds := deny with input as group({"logGroupName": "/ecs/app"})
	some d in ds
	d.path == []
}

test_zero if {
	ds := deny with input as group({"retentionInDays": 0})
	some d in ds
	d.path == ["retentionInDays"]
}

test_set_passes if {
	count(deny) == 0 with input as group({"retentionInDays": 30})
}

test_string_passes if {
	count(deny) == 0 with input as group({"retentionInDays": "14"})
}

test_unknown_passes if {
	count(deny) == 0 with input as group({"retentionInDays": "${var.retention}"})
}
