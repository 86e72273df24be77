package shipcheck.kubernetes.missing_liveness_probe_test

import data.shipcheck.kubernetes.missing_liveness_probe.deny

sts(pod) := {"kind": "kubernetes", "spec": {"apiVersion": "apps/v1", "kind": "StatefulSet", "spec": {"template": {"spec": pod}}}}

test_container_without_probe if {
	ds := deny with input as sts({"containers": [{"name": "db"}]})
	some d in ds
	d.path == ["spec", "template", "spec", "containers", 0]
}

test_with_probe_passes if {
	count(deny) == 0 with input as sts({"containers": [{"name": "db", "livenessProbe": {"exec": {"command": ["true"]}}}]})
}

test_readiness_alone_is_not_liveness if {
	count(deny) == 1 with input as sts({"containers": [{"name": "db", "readinessProbe": {"exec": {"command": ["true"]}}}]})
}

test_ephemeral_and_init_are_exempt if {
	count(deny) == 0 with input as sts({"initContainers": [{"name": "i"}], "ephemeralContainers": [{"name": "debug"}]})
}

test_cronjob_exempt if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}}}}
}

test_daemonset_and_pod_template if {
	count(deny) == 1 with input as {"kind": "kubernetes", "spec": {"kind": "DaemonSet", "spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}}
	count(deny) == 1 with input as {"kind": "kubernetes", "spec": {"kind": "PodTemplate", "template": {"spec": {"containers": [{"name": "a"}]}}}}
}
