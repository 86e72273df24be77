package shipcheck.ecs.missing_healthcheck_test

import data.shipcheck.ecs.missing_healthcheck.deny

task(containers) := {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": containers}}

test_essential_without_healthcheck if {
	count(deny) == 1 with input as task([{"name": "web", "image": "nginx:1.25"}])
}

test_path_points_at_container if {
	ds := deny with input as task([{"name": "a", "healthCheck": {"command": ["CMD", "true"]}}, {"name": "b"}])
	some d in ds
	d.path == ["containerDefinitions", 1]
}

test_non_essential_sidecar_passes if {
	count(deny) == 0 with input as task([{"name": "log", "essential": false}])
}

test_string_false_is_false if {
	count(deny) == 0 with input as task([{"name": "log", "essential": "false"}])
}

test_with_healthcheck_passes if {
	count(deny) == 0 with input as task([{"name": "web", "healthCheck": {"command": ["CMD-SHELL", "exit 0"]}}])
}

test_unnamed_container_is_numbered if {
	ds := deny with input as task([{"image": "x:1"}])
	some d in ds
	contains(d.msg, "container #1")
}

test_unknown_healthcheck_passes if {
	count(deny) == 0 with input as task([{"name": "web", "healthCheck": "${var.health_check}"}])
}
