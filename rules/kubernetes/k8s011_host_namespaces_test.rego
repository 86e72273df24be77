package shipcheck.kubernetes.host_namespaces_test

import data.shipcheck.kubernetes.host_namespaces.deny

ds_of(pod) := {"kind": "kubernetes", "spec": {"kind": "DaemonSet", "spec": {"template": {"spec": pod}}}}

test_each_namespace if {
	ds := deny with input as ds_of({"hostNetwork": true, "hostPID": "true", "hostIPC": false, "containers": []})
	count(ds) == 2
	some d in ds
	d.path == ["spec", "template", "spec", "hostNetwork"]
}

test_absent_passes if count(deny) == 0 with input as ds_of({"containers": [{"name": "a"}]})

test_cronjob_path if {
	ds := deny with input as {"kind": "kubernetes", "spec": {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"hostPID": true}}}}}}}
	some d in ds
	d.path == ["spec", "jobTemplate", "spec", "template", "spec", "hostPID"]
}
