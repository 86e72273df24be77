package shipcheck.ecs.host_network_mode_test

import data.shipcheck.ecs.host_network_mode.deny

task(spec) := {"kind": "aws.ecs.task-definition", "spec": object.union({"containerDefinitions": [{"name": "web"}]}, spec)}

test_host_mode if {
	ds := deny with input as task({"networkMode": "host"})
	count(ds) == 1
	some d in ds
	d.path == ["networkMode"]
}

test_other_modes_pass if {
	every mode in ["awsvpc", "bridge", "none", "${var.network_mode}"] {
		count(deny) == 0 with input as task({"networkMode": mode})
	}
	count(deny) == 0 with input as task({})
}

test_malformed_mode_is_ignored if {
	count(deny) == 0 with input as task({"networkMode": ["host"]})
}
