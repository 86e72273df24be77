package shipcheck.ecs.invalid_dependency_test

import data.shipcheck.ecs.invalid_dependency.deny

task(containers) := {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": containers}}

app(deps) := {"name": "app", "dependsOn": deps}

hc := {"command": ["CMD", "true"]}

test_missing_container if {
	ds := deny with input as task([app([{"containerName": "db", "condition": "START"}])])
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0, "dependsOn", 0, "containerName"]
	contains(d.msg, `"db"`)
}

test_missing_healthy_target_reported_once if {
	count(deny) == 1 with input as task([app([{"containerName": "db", "condition": "HEALTHY"}])])
}

test_missing_container_skipped_when_names_unknown if {
	count(deny) == 0 with input as task([app([{"containerName": "db", "condition": "START"}]), {"name": "${var.name}"}])
}

test_self_dependency if {
	ds := deny with input as task([app([{"containerName": "app", "condition": "START"}])])
	count(ds) == 1
	some d in ds
	contains(d.msg, "itself")
}

test_healthy_without_healthcheck if {
	ds := deny with input as task([app([{"containerName": "envoy", "condition": "HEALTHY"}]), {"name": "envoy"}])
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0, "dependsOn", 0, "condition"]
}

test_healthy_with_healthcheck_passes if {
	count(deny) == 0 with input as task([app([{"containerName": "envoy", "condition": "HEALTHY"}]), {"name": "envoy", "healthCheck": hc}])
}

test_success_on_essential if {
	ds := deny with input as task([app([{"containerName": "migrate", "condition": "SUCCESS"}]), {"name": "migrate"}])
	count(ds) == 1
	some d in ds
	contains(d.msg, "essential")
}

test_complete_on_explicitly_essential if {
	count(deny) == 1 with input as task([app([{"containerName": "init", "condition": "COMPLETE"}]), {"name": "init", "essential": "true"}])
}

test_success_on_non_essential_passes if {
	count(deny) == 0 with input as task([app([{"containerName": "migrate", "condition": "SUCCESS"}]), {"name": "migrate", "essential": false}])
}

test_start_passes if {
	count(deny) == 0 with input as task([app([{"containerName": "log", "condition": "START"}]), {"name": "log"}])
}

test_unknown_target_passes if {
	count(deny) == 0 with input as task([app([{"containerName": "${local.sidecar}", "condition": "HEALTHY"}])])
}
