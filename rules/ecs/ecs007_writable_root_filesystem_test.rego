package shipcheck.ecs.writable_root_filesystem_test

import data.shipcheck.ecs.writable_root_filesystem.deny

task(c) := {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [c]}}

test_absent if {
	ds := deny with input as task({"name": "web"})
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0]
	contains(d.msg, "does not set readonlyRootFilesystem")
}

test_false_points_at_value if {
	every v in [false, "false", "FALSE"] {
		ds := deny with input as task({"name": "web", "readonlyRootFilesystem": v})
		count(ds) == 1
		some d in ds
		d.path == ["containerDefinitions", 0, "readonlyRootFilesystem"]
	}
}

test_true_passes if {
	count(deny) == 0 with input as task({"name": "web", "readonlyRootFilesystem": true})
	count(deny) == 0 with input as task({"name": "web", "readonlyRootFilesystem": "true"})
}

test_unknown_passes if {
	count(deny) == 0 with input as task({"name": "web", "readonlyRootFilesystem": "${var.read_only}"})
}

test_wrong_type_is_absent if {
	ds := deny with input as task({"name": "web", "readonlyRootFilesystem": 1})
	some d in ds
	d.path == ["containerDefinitions", 0]
}

test_windows_is_skipped if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {
		"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_CORE"},
		"containerDefinitions": [{"name": "iis"}],
	}}
}
