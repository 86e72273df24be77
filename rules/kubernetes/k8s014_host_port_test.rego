package shipcheck.kubernetes.host_port_test

import data.shipcheck.kubernetes.host_port.deny

pod(ports) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [{"name": "a", "ports": ports}]}}}

test_host_port if {
	ds := deny with input as pod([{"containerPort": 80}, {"containerPort": 443, "hostPort": 443}])
	count(ds) == 1
	some d in ds
	d.path == ["spec", "containers", 0, "ports", 1, "hostPort"]
}

test_zero_passes if count(deny) == 0 with input as pod([{"containerPort": 80, "hostPort": 0}])

test_placeholder_passes if count(deny) == 0 with input as pod([{"containerPort": 80, "hostPort": "{{ .Values.port }}"}])
