package shipcheck.ecs.public_ip_test

import data.shipcheck.ecs.public_ip.deny

svc(assign) := {"kind": "aws.ecs.service", "spec": {"serviceName": "web", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"], "assignPublicIp": assign}}}}

test_enabled if {
	ds := deny with input as svc("ENABLED")
	count(ds) == 1
	some d in ds
	d.path == ["networkConfiguration", "awsvpcConfiguration", "assignPublicIp"]
}

test_disabled_passes if {
	count(deny) == 0 with input as svc("DISABLED")
}

test_unknown_passes if {
	count(deny) == 0 with input as svc("${var.public}")
}

test_absent_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecs.service", "spec": {"serviceName": "web", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["s"]}}}}
}

test_malformed_network_configuration_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecs.service", "spec": {"serviceName": "web", "networkConfiguration": "ENABLED"}}
}
