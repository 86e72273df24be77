package shipcheck.ecs.missing_log_configuration_test

import data.shipcheck.ecs.missing_log_configuration.deny

task(c) := {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [c]}}

test_no_log_configuration if {
	ds := deny with input as task({"name": "web"})
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0]
	contains(d.msg, "no logConfiguration")
}

test_log_configuration_of_wrong_type_is_absent if {
	ds := deny with input as task({"name": "web", "logConfiguration": "awslogs"})
	some d in ds
	d.path == ["containerDefinitions", 0]
}

test_missing_log_driver if {
	ds := deny with input as task({"name": "web", "logConfiguration": {"options": {"awslogs-group": "/ecs/web"}}})
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0, "logConfiguration"]
	contains(d.msg, "no logDriver")
}

test_log_driver_none if {
	ds := deny with input as task({"name": "web", "logConfiguration": {"logDriver": "none"}})
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0, "logConfiguration", "logDriver"]
}

test_blank_log_driver if {
	ds := deny with input as task({"name": "web", "logConfiguration": {"logDriver": " "}})
	count(ds) == 1
}

test_real_drivers_pass if {
	every drv in ["awslogs", "awsfirelens", "fluentd", "splunk", "json-file", "${var.log_driver}"] {
		count(deny) == 0 with input as task({"name": "web", "logConfiguration": {"logDriver": drv}})
	}
}

test_sidecars_are_checked if {
	ds := deny with input as {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [
		{"name": "web", "logConfiguration": {"logDriver": "awsfirelens"}},
		{"name": "log_router", "essential": false, "firelensConfiguration": {"type": "fluentbit"}},
	]}}
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 1]
}

test_unknown_log_configuration_passes if {
	count(deny) == 0 with input as task({"name": "web", "logConfiguration": "${local.log_configuration}"})
}
