package shipcheck.kubernetes.seccomp_unconfined_test

import data.shipcheck.kubernetes.seccomp_unconfined.deny

pod(pod_sc, c_sc) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"securityContext": pod_sc, "containers": [{"name": "a", "securityContext": c_sc}]}}}

test_absent_is_low if {
	ds := deny with input as pod({}, {})
	count(ds) == 1
	some d in ds
	d.severity == "low"
	d.path == ["spec", "containers", 0, "securityContext"]
}

test_pod_runtime_default_is_inherited if count(deny) == 0 with input as pod({"seccompProfile": {"type": "RuntimeDefault"}}, {})

test_localhost_passes if count(deny) == 0 with input as pod({}, {"seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"}})

test_container_unconfined_is_medium_at_type if {
	ds := deny with input as pod({"seccompProfile": {"type": "RuntimeDefault"}}, {"seccompProfile": {"type": "Unconfined"}})
	count(ds) == 1
	some d in ds
	d.severity == "medium"
	d.path == ["spec", "containers", 0, "securityContext", "seccompProfile", "type"]
}

test_inherited_unconfined_points_at_container if {
	ds := deny with input as pod({"seccompProfile": {"type": "Unconfined"}}, {})
	some d in ds
	d.path == ["spec", "containers", 0]
	contains(d.msg, "spec.securityContext.seccompProfile")
}

test_container_overrides_pod_unconfined if count(deny) == 0 with input as pod({"seccompProfile": {"type": "Unconfined"}}, {"seccompProfile": {"type": "RuntimeDefault"}})
