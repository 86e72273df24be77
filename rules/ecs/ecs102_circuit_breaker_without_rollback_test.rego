package shipcheck.ecs.circuit_breaker_without_rollback_test

import data.shipcheck.ecs.circuit_breaker_without_rollback.deny

svc(breaker) := {"kind": "aws.ecs.service", "spec": {"serviceName": "web", "deploymentConfiguration": {"deploymentCircuitBreaker": breaker}}}

test_rollback_false if {
	ds := deny with input as svc({"enable": true, "rollback": false})
	count(ds) == 1
	some d in ds
	d.path == ["deploymentConfiguration", "deploymentCircuitBreaker", "rollback"]
}

test_rollback_absent_points_at_breaker if {
	ds := deny with input as svc({"enable": true})
	some d in ds
	d.path == ["deploymentConfiguration", "deploymentCircuitBreaker"]
}

test_rollback_string_false if {
	count(deny) == 1 with input as svc({"enable": "true", "rollback": "false"})
}

test_rollback_true_passes if {
	count(deny) == 0 with input as svc({"enable": true, "rollback": true})
}

test_rollback_string_true_passes if {
	count(deny) == 0 with input as svc({"enable": true, "rollback": "TRUE"})
}

test_breaker_disabled_not_flagged if {
	count(deny) == 0 with input as svc({"enable": false, "rollback": false})
}

test_unknown_rollback_not_flagged if {
	count(deny) == 0 with input as svc({"enable": true, "rollback": "${var.rollback}"})
}

test_no_breaker_not_flagged if {
	count(deny) == 0 with input as {"kind": "aws.ecs.service", "spec": {"serviceName": "web"}}
}
