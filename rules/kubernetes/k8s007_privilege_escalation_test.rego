package shipcheck.kubernetes.privilege_escalation_test

import data.shipcheck.kubernetes.privilege_escalation.deny

pod(c) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [c]}}}

test_absent_is_medium_at_security_context if {
	ds := deny with input as pod({"name": "a", "securityContext": {"runAsNonRoot": true}})
	count(ds) == 1
	some d in ds
	not d.severity
	d.path == ["spec", "containers", 0, "securityContext"]
}

test_absent_without_security_context_points_at_container if {
	ds := deny with input as pod({"name": "a"})
	some d in ds
	d.path == ["spec", "containers", 0]
}

test_true_is_high if {
	ds := deny with input as pod({"name": "a", "securityContext": {"allowPrivilegeEscalation": true}})
	count(ds) == 1
	some d in ds
	d.severity == "high"
}

test_false_passes if {
	count(deny) == 0 with input as pod({"name": "a", "securityContext": {"allowPrivilegeEscalation": false}})
	count(deny) == 0 with input as pod({"name": "a", "securityContext": {"allowPrivilegeEscalation": "false"}})
}

test_pod_level_does_not_count if {
	count(deny) == 1 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"securityContext": {"allowPrivilegeEscalation": false}, "containers": [{"name": "a"}]}}}
}

test_privileged_fix_starts_with_privileged if {
	ds := deny with input as pod({"name": "a", "securityContext": {"privileged": true}})
	count(ds) == 1
	some d in ds
	contains(d.msg, "is privileged, which always allows privilege escalation")
	contains(d.msg, "remove privileged: true")
}
