package shipcheck.ecs.missing_memory_limit_test

import data.shipcheck.ecs.missing_memory_limit.deny

task(spec) := {"kind": "aws.ecs.task-definition", "spec": spec}

test_container_without_memory if {
	ds := deny with input as task({"containerDefinitions": [{"name": "web", "image": "nginx:1"}]})
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0]
	contains(d.msg, `container "web"`)
}

test_reservation_only_is_soft if {
	ds := deny with input as task({"containerDefinitions": [{"name": "web", "memoryReservation": 256}]})
	some d in ds
	contains(d.msg, "soft limit")
}

test_container_memory_passes if {
	count(deny) == 0 with input as task({"containerDefinitions": [{"name": "web", "memory": 512}]})
}

test_task_memory_passes if {
	count(deny) == 0 with input as task({"memory": "1 GB", "containerDefinitions": [{"name": "web"}]})
}

test_unknown_task_memory_passes if {
	count(deny) == 0 with input as task({"memory": "${var.memory}", "containerDefinitions": [{"name": "web"}]})
}

test_fargate_skipped if {
	count(deny) == 0 with input as task({"requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{"name": "web"}]})
}

test_external_checked if {
	count(deny) == 1 with input as task({"requiresCompatibilities": ["EXTERNAL"], "containerDefinitions": [{"name": "web"}]})
}

test_only_unlimited_containers if {
	ds := deny with input as task({"containerDefinitions": [{"name": "a", "memory": 256}, {"name": "b"}]})
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 1]
}
