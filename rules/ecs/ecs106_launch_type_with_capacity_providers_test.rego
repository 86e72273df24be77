package shipcheck.ecs.launch_type_with_capacity_providers_test

import data.shipcheck.ecs.launch_type_with_capacity_providers.deny

svc(spec) := {"kind": "aws.ecs.service", "spec": object.union({"serviceName": "web"}, spec)}

test_both if {
	ds := deny with input as svc({"launchType": "FARGATE", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]})
	count(ds) == 1
	some d in ds
	d.path == ["launchType"]
}

test_launch_type_only if {
	count(deny) == 0 with input as svc({"launchType": "EC2"})
}

test_strategy_only if {
	count(deny) == 0 with input as svc({"capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}]})
}

test_empty_strategy_passes if {
	count(deny) == 0 with input as svc({"launchType": "FARGATE", "capacityProviderStrategy": []})
}

test_unknown_strategy_passes if {
	count(deny) == 0 with input as svc({"launchType": "FARGATE", "capacityProviderStrategy": "${var.strategy}"})
}

test_unknown_launch_type_passes if {
	count(deny) == 0 with input as svc({"launchType": "${var.lt}", "capacityProviderStrategy": [{"capacityProvider": "FARGATE"}]})
}

test_null_launch_type_passes if {
	count(deny) == 0 with input as svc({"launchType": null, "capacityProviderStrategy": [{"capacityProvider": "FARGATE"}]})
}
