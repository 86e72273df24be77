package shipcheck.kubernetes.sensitive_host_path_test

import data.shipcheck.kubernetes.sensitive_host_path.deny

pod(paths) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"volumes": [{"name": sprintf("v%d", [i]), "hostPath": {"path": p}} | some i, p in paths]}}}

test_sensitive_paths if {
	count(deny) == 6 with input as pod(["/", "/etc/", "/var/run", "/run/containerd/containerd.sock", "/var/run/docker.sock", "//proc"])
}

test_path_of_finding if {
	ds := deny with input as pod(["/data", "/var/run/crio/crio.sock"])
	count(ds) == 1
	some d in ds
	d.path == ["spec", "volumes", 1, "hostPath", "path"]
	contains(d.msg, "runtime socket")
}

test_ordinary_paths_pass if {
	count(deny) == 0 with input as pod(["/data", "/var/log", "/etc/ssl/certs", "/mnt/disks/ssd0"])
}

test_cri_dockerd_socket if {
	count(deny) == 1 with input as pod(["/var/run/cri-dockerd.sock"])
}
