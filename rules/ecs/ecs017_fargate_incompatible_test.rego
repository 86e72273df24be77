package shipcheck.ecs.fargate_incompatible_test

import data.shipcheck.ecs.fargate_incompatible.deny

base := {
	"requiresCompatibilities": ["FARGATE"],
	"networkMode": "awsvpc",
	"cpu": "256",
	"memory": "512",
	"containerDefinitions": [{"name": "app", "image": "nginx:1"}],
}

task(patch) := {"kind": "aws.ecs.task-definition", "spec": object.union(base, patch)}

test_valid_task_passes if {
	count(deny) == 0 with input as task({})
}

test_not_fargate_skipped if {
	count(deny) == 0 with input as task({"requiresCompatibilities": ["EC2"], "networkMode": "bridge", "cpu": "100"})
}

test_lower_case_fargate if {
	count(deny) == 1 with input as task({"requiresCompatibilities": ["fargate"], "networkMode": "bridge"})
}

test_bridge_network_mode if {
	ds := deny with input as task({"networkMode": "bridge"})
	some d in ds
	d.path == ["networkMode"]
}

test_missing_network_mode if {
	ds := deny with input as {"kind": "aws.ecs.task-definition", "spec": object.remove(base, ["networkMode"])}
	count(ds) == 1
	some d in ds
	d.path == []
	contains(d.msg, "awsvpc")
}

test_unknown_network_mode_passes if {
	count(deny) == 0 with input as task({"networkMode": "${var.mode}"})
}

test_privileged if {
	ds := deny with input as task({"containerDefinitions": [{"name": "app", "privileged": "true"}]})
	some d in ds
	d.path == ["containerDefinitions", 0, "privileged"]
}

test_pid_host if {
	ds := deny with input as task({"pidMode": "host"})
	some d in ds
	d.path == ["pidMode"]
}

test_pid_task_passes if {
	count(deny) == 0 with input as task({"pidMode": "task"})
}

test_ipc_mode_any if {
	ds := deny with input as task({"ipcMode": "task"})
	some d in ds
	d.path == ["ipcMode"]
}

test_host_volume if {
	ds := deny with input as task({"volumes": [{"name": "v", "host": {"sourcePath": "/data"}}]})
	some d in ds
	d.path == ["volumes", 0, "host", "sourcePath"]
}

test_bind_mount_without_source_passes if {
	count(deny) == 0 with input as task({"volumes": [{"name": "scratch"}, {"name": "h", "host": {}}]})
}

test_devices if {
	ds := deny with input as task({"containerDefinitions": [{"name": "app", "linuxParameters": {"devices": [{"hostPath": "/dev/fuse"}]}}]})
	some d in ds
	d.path == ["containerDefinitions", 0, "linuxParameters", "devices"]
}

test_capabilities_other_than_ptrace if {
	ds := deny with input as task({"containerDefinitions": [{"name": "app", "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE", "cap_net_admin"]}}}]})
	count(ds) == 1
	some d in ds
	contains(d.msg, "cap_net_admin")
	not contains(d.msg, "capabilities SYS_PTRACE")
}

test_ptrace_passes if {
	count(deny) == 0 with input as task({"containerDefinitions": [{"name": "app", "linuxParameters": {"capabilities": {"add": ["CAP_SYS_PTRACE"]}}}]})
}

test_missing_cpu_and_memory if {
	ds := deny with input as {"kind": "aws.ecs.task-definition", "spec": object.remove(base, ["cpu", "memory"])}
	count(ds) == 1
	some d in ds
	d.path == []
	contains(d.msg, "cpu or memory")
}

test_valid_sizes_pass if {
	every pair in [
		["256", "512"], ["256", "2048"], [256, 1024], ["512", "4096"], ["1024", "2048"], ["1 vCPU", "2 GB"],
		["0.25 vCPU", "0.5 GB"], [".25 vcpu", ".5 gb"], [".5 vcpu", "1GB"], ["2048", "16384"], ["4096", "30720"], ["4 vCPU", "30 GB"],
		["8192", "16384"], ["8192", "61440"], ["8 vCPU", "60 GB"], ["16384", "32768"], ["16384", "122880"], ["16 vCPU", "120GB"],
		["${var.cpu}", "${var.memory}"], ["256", "${var.memory}"],
	] {
		count(deny) == 0 with input as task({"cpu": pair[0], "memory": pair[1]})
	}
}

test_invalid_pairs if {
	every pair in [
		["256", "4096"], ["256", "1536"], ["512", "512"], ["1024", "1024"], ["1024", "9216"], ["2048", "2048"],
		["4096", "31744"], ["8192", "18432"], ["8192", "65536"], ["16384", "36864"], ["1 vCPU", "1 GB"],
	] {
		ds := deny with input as task({"cpu": pair[0], "memory": pair[1]})
		count(ds) == 1
		some d in ds
		d.path == ["memory"]
	}
}

test_invalid_cpu if {
	ds := deny with input as task({"cpu": "300", "memory": "512"})
	count(ds) == 1
	some d in ds
	d.path == ["cpu"]
}

test_windows_skips_linux_only_settings if {
	count(deny) == 0 with input as task({
		"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
		"cpu": "1024", "memory": "2048", "pidMode": "host",
		"containerDefinitions": [{"name": "app", "privileged": true, "linuxParameters": {"devices": [{"hostPath": "/dev/x"}]}}],
	})
}
