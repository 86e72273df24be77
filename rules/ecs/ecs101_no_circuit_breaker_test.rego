package shipcheck.ecs.no_circuit_breaker_test

import data.shipcheck.ecs.no_circuit_breaker.deny

svc(spec) := {"kind": "aws.ecs.service", "spec": object.union({"serviceName": "web", "taskDefinition": "web:1"}, spec)}

test_missing_deployment_configuration if {
	ds := deny with input as svc({})
	count(ds) == 1
	some d in ds
	d.path == []
	not d.severity
}

test_missing_breaker_points_at_deployment_configuration if {
	ds := deny with input as svc({"deploymentConfiguration": {"maximumPercent": 200}})
	some d in ds
	d.path == ["deploymentConfiguration"]
}

test_breaker_without_enable_points_at_breaker if {
	ds := deny with input as svc({"deploymentConfiguration": {"deploymentCircuitBreaker": {"rollback": true}}})
	some d in ds
	d.path == ["deploymentConfiguration", "deploymentCircuitBreaker"]
}

test_disabled_breaker_points_at_enable if {
	ds := deny with input as svc({"deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": false, "rollback": false}}})
	some d in ds
	d.path == ["deploymentConfiguration", "deploymentCircuitBreaker", "enable"]
	contains(d.msg, "enable is not true")
}

test_enabled_breaker_passes if {
	count(deny) == 0 with input as svc({"deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": true, "rollback": true}}})
}

test_string_true_passes if {
	count(deny) == 0 with input as svc({"deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": "true", "rollback": "true"}}})
}

test_string_false_flagged if {
	count(deny) == 1 with input as svc({"deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": "false"}}})
}

test_unknown_enable_passes if {
	count(deny) == 0 with input as svc({"deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": "${var.breaker}"}}})
}

test_explicit_ecs_controller_and_rolling_flagged if {
	count(deny) == 1 with input as svc({"deploymentController": {"type": "ECS"}, "deploymentConfiguration": {"strategy": "ROLLING"}})
}

test_code_deploy_not_flagged if {
	count(deny) == 0 with input as svc({"deploymentController": {"type": "CODE_DEPLOY"}})
}

test_external_not_flagged if {
	count(deny) == 0 with input as svc({"deploymentController": {"type": "EXTERNAL"}})
}

test_blue_green_linear_canary_not_flagged if {
	every s in ["BLUE_GREEN", "LINEAR", "CANARY"] {
		count(deny) == 0 with input as svc({"deploymentConfiguration": {"strategy": s}})
	}
}

test_alarms_with_rollback_is_info if {
	ds := deny with input as svc({"deploymentConfiguration": {"alarms": {"alarmNames": ["5xx"], "enable": true, "rollback": true}}})
	some d in ds
	d.severity == "info"
	contains(d.msg, "CloudWatch alarms")
}

test_alarms_without_rollback_stays_medium if {
	ds := deny with input as svc({"deploymentConfiguration": {"alarms": {"alarmNames": ["5xx"], "enable": true, "rollback": false}}})
	some d in ds
	not d.severity
}

test_update_service_input_not_flagged if {
	count(deny) == 0 with input as {"kind": "aws.ecs.service", "spec": {"service": "web", "desiredCount": 2}}
}

test_empty_strings_are_defaults if {
	count(deny) == 1 with input as svc({"deploymentController": {"type": ""}, "deploymentConfiguration": {"strategy": ""}})
}

test_classic_load_balancer_names_the_move if {
	ds := deny with input as svc({"loadBalancers": [{"loadBalancerName": "web-elb", "containerName": "web", "containerPort": 80}]})
	some d in ds
	contains(d.msg, "Classic Load Balancer")
	not contains(d.msg, "set deploymentConfiguration")
}

test_target_group_keeps_the_plain_fix if {
	ds := deny with input as svc({"loadBalancers": [{"targetGroupArn": "arn:tg", "containerName": "web", "containerPort": 80}]})
	some d in ds
	not contains(d.msg, "Classic Load Balancer")
}
