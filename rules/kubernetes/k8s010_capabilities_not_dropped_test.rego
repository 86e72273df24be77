package shipcheck.kubernetes.capabilities_not_dropped_test

import data.shipcheck.kubernetes.capabilities_not_dropped.deny

pod(c) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [c]}}}

test_drop_without_all_points_at_drop if {
	ds := deny with input as pod({"name": "a", "securityContext": {"capabilities": {"drop": ["NET_RAW"]}}})
	some d in ds
	d.path == ["spec", "containers", 0, "securityContext", "capabilities", "drop"]
}

test_capabilities_without_drop_points_at_capabilities if {
	ds := deny with input as pod({"name": "a", "securityContext": {"capabilities": {"add": ["CHOWN"]}}})
	some d in ds
	d.path == ["spec", "containers", 0, "securityContext", "capabilities"]
}

test_nothing_points_at_container if {
	ds := deny with input as pod({"name": "a"})
	some d in ds
	d.path == ["spec", "containers", 0]
}

test_all_in_any_case_passes if {
	count(deny) == 0 with input as pod({"name": "a", "securityContext": {"capabilities": {"drop": ["ALL"]}}})
	count(deny) == 0 with input as pod({"name": "a", "securityContext": {"capabilities": {"drop": ["all"]}}})
	count(deny) == 0 with input as pod({"name": "a", "securityContext": {"capabilities": {"drop": ["CAP_ALL"]}}})
}

test_privileged_fix_starts_with_privileged if {
	ds := deny with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"privileged": true}}]}}}
	count(ds) == 1
	some d in ds
	contains(d.msg, "is privileged, so it has every capability")
}
