package shipcheck.ecs.host_namespace_test

import data.shipcheck.ecs.host_namespace.deny

task(spec) := {"kind": "aws.ecs.task-definition", "spec": object.union({"containerDefinitions": [{"name": "web"}]}, spec)}

test_pid_host if {
	ds := deny with input as task({"pidMode": "host"})
	count(ds) == 1
	some d in ds
	d.path == ["pidMode"]
	contains(d.msg, "pidMode")
}

test_ipc_host if {
	ds := deny with input as task({"ipcMode": "host"})
	count(ds) == 1
	some d in ds
	d.path == ["ipcMode"]
	contains(d.msg, "ipcMode")
}

test_both if {
	count(deny) == 2 with input as task({"pidMode": "host", "ipcMode": "host"})
}

test_task_and_none_pass if {
	count(deny) == 0 with input as task({"pidMode": "task", "ipcMode": "task"})
	count(deny) == 0 with input as task({"ipcMode": "none"})
	count(deny) == 0 with input as task({})
}

test_windows_is_skipped if {
	count(deny) == 0 with input as task({"pidMode": "host", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}})
}
