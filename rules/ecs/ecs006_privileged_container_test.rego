package shipcheck.ecs.privileged_container_test

import data.shipcheck.ecs.privileged_container.deny

task(c) := {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [{"name": "agent"}, c]}}

test_privileged_true if {
	ds := deny with input as task({"name": "dind", "privileged": true})
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 1, "privileged"]
	contains(d.msg, `container "dind"`)
}

test_privileged_string_true if {
	count(deny) == 1 with input as task({"name": "dind", "privileged": "true"})
	count(deny) == 1 with input as task({"name": "dind", "privileged": "True"})
}

test_not_privileged if {
	count(deny) == 0 with input as task({"name": "web", "privileged": false})
	count(deny) == 0 with input as task({"name": "web", "privileged": "false"})
	count(deny) == 0 with input as task({"name": "web"})
	count(deny) == 0 with input as task({"name": "web", "privileged": "${var.privileged}"})
	count(deny) == 0 with input as task({"name": "web", "privileged": 1})
}

test_windows_is_skipped if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {
		"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_FULL"},
		"containerDefinitions": [{"name": "iis", "privileged": true}],
	}}
}
