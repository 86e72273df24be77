package shipcheck.ecs.no_essential_container_test

import data.shipcheck.ecs.no_essential_container.deny

task(containers) := {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": containers}}

test_none_essential if {
	ds := deny with input as task([{"name": "a", "essential": false}, {"name": "b", "essential": "false"}])
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions"]
}

test_default_is_essential if {
	count(deny) == 0 with input as task([{"name": "a", "essential": false}, {"name": "b"}])
}

test_unknown_counts_as_essential if {
	count(deny) == 0 with input as task([{"name": "a", "essential": "${var.essential}"}])
}

test_no_containers_passes if {
	count(deny) == 0 with input as task([])
}
