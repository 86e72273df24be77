package shipcheck.ecs.exec_enabled_test

import data.shipcheck.ecs.exec_enabled.deny

svc(v) := {"kind": "aws.ecs.service", "spec": {"serviceName": "web", "enableExecuteCommand": v}}

test_enabled if {
	ds := deny with input as svc(true)
	count(ds) == 1
	some d in ds
	d.path == ["enableExecuteCommand"]
}

test_string_true if {
	count(deny) == 1 with input as svc("true")
}

test_disabled_passes if {
	count(deny) == 0 with input as svc(false)
}

test_string_false_passes if {
	count(deny) == 0 with input as svc("false")
}

test_absent_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecs.service", "spec": {"serviceName": "web"}}
}
