package shipcheck.ecs.memory_overcommit_test

import data.shipcheck.ecs.memory_overcommit.deny

task(memory, containers) := {"kind": "aws.ecs.task-definition", "spec": {"memory": memory, "containerDefinitions": containers}}

test_sum_exceeds_task if {
	ds := deny with input as task("1024", [{"name": "a", "memory": 768}, {"name": "b", "memory": 512}])
	count(ds) == 1
	some d in ds
	d.path == ["memory"]
	contains(d.msg, "1280 MiB")
}

test_gb_string if {
	count(deny) == 1 with input as task("1 GB", [{"name": "a", "memory": 2048}])
	count(deny) == 0 with input as task("2GB", [{"name": "a", "memory": 2048}])
}

test_fits_passes if {
	count(deny) == 0 with input as task(1024, [{"name": "a", "memory": 768}, {"name": "b", "memory": 256}, {"name": "c"}])
}

test_unknown_task_memory_passes if {
	count(deny) == 0 with input as task("${var.memory}", [{"name": "a", "memory": 4096}])
}

test_no_task_memory_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [{"name": "a", "memory": 4096}]}}
}

test_reservation_above_limit if {
	ds := deny with input as task(null, [{"name": "a", "memory": 256, "memoryReservation": "512"}])
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0, "memoryReservation"]
}

test_reservation_within_limit_passes if {
	count(deny) == 0 with input as task(null, [{"name": "a", "memory": 512, "memoryReservation": 512}, {"name": "b", "memoryReservation": 4096}])
}
