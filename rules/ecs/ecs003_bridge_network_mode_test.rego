package shipcheck.ecs.bridge_network_mode_test

import data.shipcheck.ecs.bridge_network_mode.deny

task(spec) := {"kind": "aws.ecs.task-definition", "spec": object.union({"containerDefinitions": [{"name": "web", "image": "web:1.0"}]}, spec)}

test_explicit_bridge if {
	ds := deny with input as task({"networkMode": "bridge"})
	count(ds) == 1
	some d in ds
	d.path == ["networkMode"]
	not contains(d.msg, "defaults to bridge")
}

test_unset_on_ec2_defaults_to_bridge if {
	ds := deny with input as task({"requiresCompatibilities": ["EC2"]})
	count(ds) == 1
	some d in ds
	d.path == []
	contains(d.msg, "defaults to bridge")
}

test_unset_without_compatibilities_defaults_to_bridge if {
	ds := deny with input as task({})
	some d in ds
	contains(d.msg, "defaults to bridge")
}

test_unset_on_fargate_is_not_bridge if {
	count(deny) == 0 with input as task({"requiresCompatibilities": ["FARGATE"]})
	count(deny) == 0 with input as task({"requiresCompatibilities": ["EC2", "FARGATE"]})
}

test_unset_on_windows_is_not_bridge if {
	count(deny) == 0 with input as task({"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}})
}

test_external_is_skipped if {
	count(deny) == 0 with input as task({"requiresCompatibilities": ["EXTERNAL"]})
	count(deny) == 0 with input as task({"requiresCompatibilities": ["EXTERNAL"], "networkMode": "bridge"})
}

test_other_modes_pass if {
	count(deny) == 0 with input as task({"networkMode": "awsvpc"})
	count(deny) == 0 with input as task({"networkMode": "host"})
	count(deny) == 0 with input as task({"networkMode": "none"})
}

test_unknown_mode_passes if {
	count(deny) == 0 with input as task({"networkMode": "${var.network_mode}"})
}

test_wrong_type_is_treated_as_unset if {
	ds := deny with input as task({"networkMode": 42})
	some d in ds
	contains(d.msg, "defaults to bridge")
}

test_unset_on_managed_instances_is_not_bridge if {
	count(deny) == 0 with input as task({"requiresCompatibilities": ["MANAGED_INSTANCES"]})
}

test_unset_with_ec2_among_others_defaults_to_bridge if {
	count(deny) == 1 with input as task({"requiresCompatibilities": ["MANAGED_INSTANCES", "ec2"]})
}

test_unset_with_windows_image_is_not_bridge if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [
		{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019"},
	]}}
}
