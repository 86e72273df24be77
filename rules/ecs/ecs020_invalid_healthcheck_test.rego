package shipcheck.ecs.invalid_healthcheck_test

import data.shipcheck.ecs.invalid_healthcheck.deny

task(hc) := {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [{"name": "web", "healthCheck": hc}]}}

test_valid_passes if {
	count(deny) == 0 with input as task({"command": ["CMD-SHELL", "curl -f localhost || exit 1"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 0})
}

test_bounds_pass if {
	count(deny) == 0 with input as task({"command": ["CMD", "true"], "interval": 5, "timeout": 120, "retries": 10, "startPeriod": 300})
	count(deny) == 0 with input as task({"command": ["CMD", "true"], "interval": "300", "timeout": "2", "retries": "1"})
}

test_command_without_cmd if {
	ds := deny with input as task({"command": ["curl", "-f", "localhost"]})
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0, "healthCheck", "command", 0]
	contains(d.msg, `"curl"`)
}

test_lower_case_cmd if {
	count(deny) == 1 with input as task({"command": ["cmd-shell", "exit 0"]})
}

test_unknown_command_passes if {
	count(deny) == 0 with input as task({"command": ["${var.hc}"]})
}

test_empty_command if {
	ds := deny with input as task({"command": []})
	some d in ds
	d.path == ["containerDefinitions", 0, "healthCheck", "command"]
}

test_missing_command if {
	ds := deny with input as task({"interval": 30})
	some d in ds
	d.path == ["containerDefinitions", 0, "healthCheck"]
}

test_out_of_range if {
	ds := deny with input as task({"command": ["CMD", "true"], "interval": 1, "timeout": 121, "retries": 0, "startPeriod": 600})
	count(ds) == 4
	{d.path[3] | some d in ds} == {"interval", "timeout", "retries", "startPeriod"}
}

test_unknown_timing_passes if {
	count(deny) == 0 with input as task({"command": ["CMD", "true"], "interval": "${var.interval}"})
}
