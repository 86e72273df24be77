package shipcheck.ecs.host_port_test

import data.shipcheck.ecs.host_port.deny

task(mode, mappings) := {"kind": "aws.ecs.task-definition", "spec": {"networkMode": mode, "containerDefinitions": [{"name": "web", "portMappings": mappings}]}}

test_bridge_fixed_port if {
	ds := deny with input as task("bridge", [{"containerPort": 80, "hostPort": 80}])
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0, "portMappings", 0, "hostPort"]
	not d.severity
}

test_default_bridge_fixed_port if {
	count(deny) == 1 with input as {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [{"name": "web", "portMappings": [{"containerPort": 80, "hostPort": "8080"}]}]}}
}

test_bridge_dynamic_ports_pass if {
	count(deny) == 0 with input as task("bridge", [{"containerPort": 80}, {"containerPort": 81, "hostPort": 0}])
}

test_awsvpc_different_port if {
	ds := deny with input as task("awsvpc", [{"containerPort": 8080, "hostPort": 80}])
	count(ds) == 1
	some d in ds
	d.severity == "high"
}

test_host_mode_different_port if {
	count(deny) == 1 with input as task("host", [{"containerPort": 8080, "hostPort": 80}])
}

test_awsvpc_same_or_omitted_passes if {
	count(deny) == 0 with input as task("awsvpc", [{"containerPort": 8080, "hostPort": 8080}, {"containerPort": 9090}, {"containerPort": 81, "hostPort": 0}])
}

test_fargate_default_network_mode_skipped if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {"requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{"name": "web", "portMappings": [{"containerPort": 80, "hostPort": 80}]}]}}
}

test_unknown_ports_pass if {
	count(deny) == 0 with input as task("awsvpc", [{"containerPort": "${var.port}", "hostPort": 80}])
	count(deny) == 0 with input as task("bridge", [{"containerPort": 80, "hostPort": "${var.port}"}])
}
