package shipcheck.ecs.sensitive_host_mount_test

import data.shipcheck.ecs.sensitive_host_mount.deny

task(source, mounted) := {"kind": "aws.ecs.task-definition", "spec": {
	"volumes": [{"name": "v", "host": {"sourcePath": source}}],
	"containerDefinitions": [{"name": "agent", "mountPoints": [{"sourceVolume": mounted, "containerPath": "/x"}]}],
}}

test_docker_socket if {
	ds := deny with input as task("/var/run/docker.sock", "v")
	count(ds) == 1
	some d in ds
	d.path == ["volumes", 0, "host", "sourcePath"]
	contains(d.msg, "runtime socket")
	contains(d.msg, `container "agent"`)
}

test_containerd_socket if {
	count(deny) == 1 with input as task("/run/containerd/containerd.sock", "v")
}

test_windows_docker_pipe if {
	count(deny) == 1 with input as task(`\\.\pipe\docker_engine`, "v")
}

test_sensitive_directories if {
	every p in ["/", "/etc", "/etc/", "//proc", "/./sys", "/dev", "/boot", "/root", "/var/lib/docker"] {
		count(deny) == 1 with input as task(p, "v")
	}
}

test_application_paths_pass if {
	every p in ["/data", "/var/log/app", "/etc/ssl/certs", "/var/lib/docker-data", "/opt/docker.socket.d", "/mnt/efs"] {
		count(deny) == 0 with input as task(p, "v")
	}
}

test_unmounted_volume_passes if {
	count(deny) == 0 with input as task("/var/run/docker.sock", "other")
}

test_unknown_source_passes if {
	count(deny) == 0 with input as task("${var.path}", "v")
}

test_volume_without_host_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {
		"volumes": [{"name": "v"}],
		"containerDefinitions": [{"name": "a", "mountPoints": [{"sourceVolume": "v"}]}],
	}}
}

test_unnamed_volume_is_not_matched_by_unnamed_mounts if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {
		"volumes": [{"host": {"sourcePath": "/"}}],
		"containerDefinitions": [{"name": "a", "mountPoints": [{"containerPath": "/x"}]}],
	}}
}
