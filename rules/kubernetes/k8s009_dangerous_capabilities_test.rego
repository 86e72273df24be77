package shipcheck.kubernetes.dangerous_capabilities_test

import data.shipcheck.kubernetes.dangerous_capabilities.deny

pod(add) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"capabilities": {"add": add}}}]}}}

test_each_dangerous_entry if {
	ds := deny with input as pod(["NET_BIND_SERVICE", "cap_sys_admin", "NET_RAW"])
	count(ds) == 2
	some d in ds
	d.path == ["spec", "containers", 0, "securityContext", "capabilities", "add", 1]
	contains(d.msg, "SYS_ADMIN")
}

test_all if count(deny) == 1 with input as pod(["all"])

test_harmless_pass if count(deny) == 0 with input as pod(["NET_BIND_SERVICE", "CHOWN"])
