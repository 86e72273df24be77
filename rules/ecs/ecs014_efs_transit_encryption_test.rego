package shipcheck.ecs.efs_transit_encryption_test

import data.shipcheck.ecs.efs_transit_encryption.deny

task(cfg) := {"kind": "aws.ecs.task-definition", "spec": {
	"volumes": [{"name": "data", "efsVolumeConfiguration": cfg}],
	"containerDefinitions": [{"name": "app"}],
}}

test_missing_transit_encryption if {
	ds := deny with input as task({"fileSystemId": "fs-1"})
	count(ds) == 1
	some d in ds
	d.path == ["volumes", 0, "efsVolumeConfiguration"]
	contains(d.msg, `"data"`)
}

test_disabled if {
	ds := deny with input as task({"fileSystemId": "fs-1", "transitEncryption": "DISABLED"})
	some d in ds
	d.path == ["volumes", 0, "efsVolumeConfiguration", "transitEncryption"]
}

test_enabled_passes if {
	count(deny) == 0 with input as task({"fileSystemId": "fs-1", "transitEncryption": "ENABLED"})
}

test_unknown_passes if {
	count(deny) == 0 with input as task({"fileSystemId": "fs-1", "transitEncryption": "${var.te}"})
}

test_non_efs_volumes_pass if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {"volumes": [{"name": "tmp"}, {"name": "h", "host": {"sourcePath": "/data"}}]}}
}

test_unnamed_volume_is_numbered if {
	ds := deny with input as {"kind": "aws.ecs.task-definition", "spec": {"volumes": [{"efsVolumeConfiguration": {"fileSystemId": "fs-1"}}]}}
	some d in ds
	contains(d.msg, "#1")
}
