package shipcheck.kubernetes.missing_readiness_probe_test

import data.shipcheck.kubernetes.missing_readiness_probe.deny

deployment(pod) := {"kind": "kubernetes", "spec": {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": {"spec": pod}}}}

probe := {"httpGet": {"path": "/ready", "port": 8080}}

test_container_without_probe if {
	ds := deny with input as deployment({"containers": [{"name": "web", "image": "x:1"}]})
	count(ds) == 1
	some d in ds
	d.path == ["spec", "template", "spec", "containers", 0]
	contains(d.msg, `container "web"`)
}

test_with_probe_passes if {
	count(deny) == 0 with input as deployment({"containers": [{"name": "web", "readinessProbe": probe}]})
}

test_plain_init_container_is_exempt if {
	count(deny) == 0 with input as deployment({"initContainers": [{"name": "migrate"}], "containers": [{"name": "web", "readinessProbe": probe}]})
}

test_native_sidecar_is_long_running if {
	ds := deny with input as deployment({"initContainers": [{"name": "proxy", "restartPolicy": "Always"}], "containers": [{"name": "web", "readinessProbe": probe}]})
	some d in ds
	d.path == ["spec", "template", "spec", "initContainers", 0]
	contains(d.msg, `sidecar container "proxy"`)
}

test_job_and_cronjob_are_exempt if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "Job", "spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}}
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}}}}
}

test_pod_restart_policy if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"restartPolicy": "Never", "containers": [{"name": "a"}]}}}
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"restartPolicy": "OnFailure", "containers": [{"name": "a"}]}}}
	count(deny) == 1 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"restartPolicy": "Always", "containers": [{"name": "a"}]}}}
}

test_rollout_and_unknown_workload if {
	count(deny) == 1 with input as {"kind": "kubernetes", "spec": {"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}}
}

test_knative_service_is_exempt if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"apiVersion": "serving.knative.dev/v1", "kind": "Service", "spec": {"template": {"spec": {"containers": [{"image": "x:1"}]}}}}}
}

test_plain_service_has_no_pod if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"apiVersion": "v1", "kind": "Service", "spec": {"ports": [{"port": 80}]}}}
}

test_unnamed_container_is_numbered if {
	ds := deny with input as deployment({"containers": [{"name": "a", "readinessProbe": probe}, {"image": "x:1"}]})
	some d in ds
	contains(d.msg, "container #2")
}

runner(policy) := {"kind": "kubernetes", "spec": {"apiVersion": "actions.github.com/v1alpha1", "kind": "AutoscalingRunnerSet", "spec": {"template": {"spec": {"restartPolicy": policy, "containers": [{"name": "runner"}]}}}}}

test_custom_kind_with_never_restart_runs_to_completion if {
	count(deny) == 0 with input as runner("Never")
	count(deny) == 1 with input as runner("Always")
}
