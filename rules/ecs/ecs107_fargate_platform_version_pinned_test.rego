package shipcheck.ecs.fargate_platform_version_pinned_test

import data.shipcheck.ecs.fargate_platform_version_pinned.deny

svc(spec) := {"kind": "aws.ecs.service", "spec": object.union({"serviceName": "web"}, spec)}

test_fargate_pinned if {
	ds := deny with input as svc({"launchType": "FARGATE", "platformVersion": "1.4.0"})
	count(ds) == 1
	some d in ds
	d.path == ["platformVersion"]
	contains(d.msg, "1.4.0")
}

test_fargate_spot_provider_pinned if {
	count(deny) == 1 with input as svc({"capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}], "platformVersion": "1.3.0"})
}

test_fargate_provider_pinned if {
	count(deny) == 1 with input as svc({"capacityProviderStrategy": [{"capacityProvider": "my-ec2-cp"}, {"capacityProvider": "FARGATE"}], "platformVersion": "1.4.0"})
}

test_latest_passes if {
	count(deny) == 0 with input as svc({"launchType": "FARGATE", "platformVersion": "LATEST"})
}

test_absent_passes if {
	count(deny) == 0 with input as svc({"launchType": "FARGATE"})
}

test_ec2_passes if {
	count(deny) == 0 with input as svc({"launchType": "EC2", "platformVersion": "1.4.0"})
}

test_ec2_capacity_provider_passes if {
	count(deny) == 0 with input as svc({"capacityProviderStrategy": [{"capacityProvider": "my-asg-cp"}], "platformVersion": "1.4.0"})
}

test_no_launch_type_passes if {
	# launch type and provider unknown: cannot tell it is Fargate
	count(deny) == 0 with input as svc({"platformVersion": "1.4.0"})
}

test_unknown_version_passes if {
	count(deny) == 0 with input as svc({"launchType": "FARGATE", "platformVersion": "${var.platform_version}"})
}
