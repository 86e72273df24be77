package shipcheck.kubernetes.privileged_container_test

import data.shipcheck.kubernetes.privileged_container.deny

pod(sc) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": sc}]}}}

test_privileged if {
	ds := deny with input as pod({"privileged": true})
	some d in ds
	d.path == ["spec", "containers", 0, "securityContext", "privileged"]
}

test_string_true if count(deny) == 1 with input as pod({"privileged": "true"})

test_false_and_absent_pass if {
	count(deny) == 0 with input as pod({"privileged": false})
	count(deny) == 0 with input as pod({})
}

test_pod_level_privileged_is_not_a_field if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"securityContext": {"privileged": true}, "containers": [{"name": "a"}]}}}
}
