package shipcheck.kubernetes.missing_resources_test

import data.shipcheck.kubernetes.missing_resources.deny

pod(resources) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [{"name": "a", "resources": resources}]}}}

test_nothing_set if {
	ds := deny with input as pod({})
	count(ds) == 1
	some d in ds
	contains(d.msg, "no memory limit and no CPU request")
	d.path == ["spec", "containers", 0, "resources"]
}

test_no_resources_points_at_container if {
	ds := deny with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [{"name": "a"}]}}}
	some d in ds
	d.path == ["spec", "containers", 0]
}

test_memory_limit_and_cpu_request_pass if count(deny) == 0 with input as pod({"limits": {"memory": "256Mi"}, "requests": {"cpu": "100m"}})

test_cpu_limit_counts_as_request if count(deny) == 0 with input as pod({"limits": {"memory": "256Mi", "cpu": 1}})

test_memory_request_is_not_a_limit if {
	ds := deny with input as pod({"requests": {"memory": "256Mi", "cpu": "100m"}})
	some d in ds
	contains(d.msg, "no memory limit")
	not contains(d.msg, "CPU")
	d.path == ["spec", "containers", 0, "resources"]
}

test_missing_cpu_points_at_requests if {
	ds := deny with input as pod({"limits": {"memory": "1Gi"}, "requests": {"memory": "1Gi"}})
	some d in ds
	d.path == ["spec", "containers", 0, "resources", "requests"]
}

test_pod_level_resources_count if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"resources": {"limits": {"memory": "1Gi", "cpu": "1"}}, "containers": [{"name": "a"}]}}}
}

test_ephemeral_containers_exempt if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"ephemeralContainers": [{"name": "debug"}]}}}
}

test_fix_names_only_the_missing_field if {
	ds := deny with input as pod({"requests": {"memory": "256Mi", "cpu": "100m"}})
	some d in ds
	endswith(d.msg, "set resources.limits.memory")
}

test_cloud_run_always_has_limits if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {
		"apiVersion": "serving.knative.dev/v1", "kind": "Service",
		"metadata": {"name": "web", "labels": {"cloud.googleapis.com/location": "us-central1"}},
		"spec": {"template": {"spec": {"containers": [{"image": "gcr.io/p/web:1.0"}]}}},
	}}
}

test_knative_on_kubernetes_is_checked if {
	count(deny) == 1 with input as {"kind": "kubernetes", "spec": {
		"apiVersion": "serving.knative.dev/v1", "kind": "Service",
		"metadata": {"name": "web", "annotations": {"autoscaling.knative.dev/minScale": "1"}},
		"spec": {"template": {"spec": {"containers": [{"image": "registry.example.com/web:1.0"}]}}},
	}}
}

test_resources_written_empty_points_at_it if {
	ds := deny with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [{"name": "a", "resources": null}]}}}
	some d in ds
	d.path == ["spec", "containers", 0, "resources"]
}
