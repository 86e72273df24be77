package shipcheck.ecs.unsafe_deployment_percent_test

import data.shipcheck.ecs.unsafe_deployment_percent.deny

svc(spec) := {"kind": "aws.ecs.service", "spec": object.union({"serviceName": "web", "desiredCount": 2}, spec)}

dc(cfg) := svc({"deploymentConfiguration": cfg})

test_equal_percentages_stall_high if {
	ds := deny with input as dc({"maximumPercent": 100, "minimumHealthyPercent": 100})
	count(ds) == 1
	some d in ds
	d.severity == "high"
	d.path == ["deploymentConfiguration", "maximumPercent"]
}

test_max_below_min_with_default_min if {
	# minimumHealthyPercent defaults to 100
	ds := deny with input as dc({"maximumPercent": 100})
	count(ds) == 1
	some d in ds
	d.path == ["deploymentConfiguration", "maximumPercent"]
}

test_min_reaching_default_max_points_at_min if {
	ds := deny with input as dc({"minimumHealthyPercent": 200})
	some d in ds
	d.path == ["deploymentConfiguration", "minimumHealthyPercent"]
}

test_string_numbers if {
	count(deny) == 1 with input as dc({"maximumPercent": "100", "minimumHealthyPercent": "100"})
}

test_safe_defaults_pass if {
	count(deny) == 0 with input as svc({})
}

test_fifty_hundred_passes if {
	count(deny) == 0 with input as dc({"maximumPercent": 100, "minimumHealthyPercent": 50})
}

test_min_zero_with_tasks if {
	ds := deny with input as dc({"maximumPercent": 100, "minimumHealthyPercent": 0})
	count(ds) == 1
	some d in ds
	d.path == ["deploymentConfiguration", "minimumHealthyPercent"]
	not d.severity
}

test_min_zero_with_desired_zero_passes if {
	count(deny) == 0 with input as svc({"desiredCount": 0, "deploymentConfiguration": {"minimumHealthyPercent": 0}})
}

test_min_zero_without_desired_count_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecs.service", "spec": {"serviceName": "web", "deploymentConfiguration": {"minimumHealthyPercent": 0}}}
}

test_daemon_exempt if {
	count(deny) == 0 with input as svc({"schedulingStrategy": "DAEMON", "deploymentConfiguration": {"maximumPercent": 100, "minimumHealthyPercent": 0}})
}

test_explicit_replica_checked if {
	count(deny) == 1 with input as svc({"schedulingStrategy": "REPLICA", "deploymentConfiguration": {"maximumPercent": 100}})
}

test_code_deploy_exempt if {
	count(deny) == 0 with input as svc({"deploymentController": {"type": "CODE_DEPLOY"}, "deploymentConfiguration": {"maximumPercent": 100}})
}

test_blue_green_exempt if {
	count(deny) == 0 with input as dc({"strategy": "BLUE_GREEN", "maximumPercent": 100, "minimumHealthyPercent": 100})
}

test_unknown_percent_passes if {
	count(deny) == 0 with input as dc({"maximumPercent": "${var.max}"})
}

test_update_input_without_both_passes if {
	# update-service leaves absent values unchanged: no defaults
	count(deny) == 0 with input as {"kind": "aws.ecs.service", "spec": {"service": "web", "deploymentConfiguration": {"maximumPercent": 100}}}
}

test_update_input_with_both_flagged if {
	count(deny) == 1 with input as {"kind": "aws.ecs.service", "spec": {"service": "web", "deploymentConfiguration": {"maximumPercent": 100, "minimumHealthyPercent": 100}}}
}

test_rounding_stalls_single_task if {
	ds := deny with input as svc({"desiredCount": 1, "deploymentConfiguration": {"maximumPercent": 150, "minimumHealthyPercent": 100}})
	count(ds) == 1
	some d in ds
	d.severity == "high"
	contains(d.msg, "caps the service at 1 tasks and minimumHealthyPercent 100 requires 1 to keep running")
}

test_rounding_with_room_passes if {
	count(deny) == 0 with input as svc({"desiredCount": 2, "deploymentConfiguration": {"maximumPercent": 150, "minimumHealthyPercent": 100}})
}

test_rounding_without_desired_count_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecs.service", "spec": {"serviceName": "web", "deploymentConfiguration": {"maximumPercent": 150}}}
}

test_empty_scheduling_strategy_is_replica if {
	count(deny) == 1 with input as svc({"schedulingStrategy": "", "deploymentConfiguration": {"maximumPercent": 100, "minimumHealthyPercent": ""}})
}
