package shipcheck.kubernetes.writable_root_filesystem_test

import data.shipcheck.kubernetes.writable_root_filesystem.deny

pod(c) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [c]}}}

test_false_points_at_field if {
	ds := deny with input as pod({"name": "a", "securityContext": {"readOnlyRootFilesystem": false}})
	some d in ds
	d.path == ["spec", "containers", 0, "securityContext", "readOnlyRootFilesystem"]
}

test_absent if count(deny) == 1 with input as pod({"name": "a"})

test_true_passes if count(deny) == 0 with input as pod({"name": "a", "securityContext": {"readOnlyRootFilesystem": true}})

test_windows_skipped if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"os": {"name": "Windows"}, "containers": [{"name": "a"}]}}}
}
