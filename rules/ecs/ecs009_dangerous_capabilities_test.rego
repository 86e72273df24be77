package shipcheck.ecs.dangerous_capabilities_test

import data.shipcheck.ecs.dangerous_capabilities.deny

task(add) := {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [{"name": "web", "linuxParameters": {"capabilities": {"add": add}}}]}}

test_each_dangerous_capability if {
	every cap in ["ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "NET_RAW", "DAC_READ_SEARCH", "BPF", "SYS_RAWIO"] {
		count(deny) == 1 with input as task([cap])
	}
}

test_case_and_prefix_insensitive if {
	every cap in ["sys_admin", "CAP_SYS_ADMIN", "cap_sys_admin", "Cap_Net_Raw"] {
		count(deny) == 1 with input as task([cap])
	}
}

test_path_points_at_capability if {
	ds := deny with input as task(["NET_BIND_SERVICE", "CAP_NET_ADMIN"])
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0, "linuxParameters", "capabilities", "add", 1]
	contains(d.msg, "NET_ADMIN")
}

test_one_finding_per_capability if {
	count(deny) == 2 with input as task(["SYS_ADMIN", "NET_ADMIN", "CHOWN"])
}

test_harmless_capabilities_pass if {
	count(deny) == 0 with input as task(["NET_BIND_SERVICE", "CHOWN", "SETUID", "SYS_TIME", "CAP_SYSLOG"])
}

test_dropping_is_fine if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [{"name": "web", "linuxParameters": {"capabilities": {"drop": ["ALL", "SYS_ADMIN"]}}}]}}
}

test_malformed_shapes_are_ignored if {
	count(deny) == 0 with input as task("SYS_ADMIN")
	count(deny) == 0 with input as task([42])
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [{"name": "web", "linuxParameters": "SYS_ADMIN"}]}}
}

test_windows_is_skipped if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {
		"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
		"containerDefinitions": [{"name": "web", "linuxParameters": {"capabilities": {"add": ["SYS_ADMIN"]}}}],
	}}
}
