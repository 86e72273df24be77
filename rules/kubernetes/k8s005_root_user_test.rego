package shipcheck.kubernetes.root_user_test

import data.shipcheck.kubernetes.root_user.deny

deployment(pod_sc, c_sc) := {"kind": "kubernetes", "spec": {"kind": "Deployment", "spec": {"template": {"spec": {
	"securityContext": pod_sc,
	"containers": [{"name": "app", "securityContext": c_sc}],
}}}}}

container := ["spec", "template", "spec", "containers", 0]

one(ds, severity, path) if {
	count(ds) == 1
	some d in ds
	d.severity == severity
	d.path == path
}

test_neither_set_is_medium if {
	ds := deny with input as deployment({}, {})
	one(ds, "medium", array.concat(container, ["securityContext"]))
}

test_no_security_context_points_at_container if {
	ds := deny with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [{"name": "a"}]}}}
	one(ds, "medium", ["spec", "containers", 0])
}

test_container_root_is_high if {
	ds := deny with input as deployment({}, {"runAsUser": 0})
	one(ds, "high", array.concat(container, ["securityContext", "runAsUser"]))
}

test_inherited_root_points_at_container if {
	ds := deny with input as deployment({"runAsUser": 0}, {})
	one(ds, "high", container)
	some d in ds
	contains(d.msg, "inherited from the pod's securityContext at spec.template.spec.securityContext.runAsUser")
}

test_nonroot_with_root_user_will_not_start if {
	ds := deny with input as deployment({"runAsNonRoot": true}, {"runAsUser": 0})
	one(ds, "high", array.concat(container, ["securityContext", "runAsUser"]))
	some d in ds
	contains(d.msg, "will not start")
}

test_container_overrides_pod if {
	count(deny) == 0 with input as deployment({"runAsUser": 0}, {"runAsUser": 1000})
	count(deny) == 0 with input as deployment({"runAsNonRoot": false}, {"runAsNonRoot": true})
	count(deny) == 1 with input as deployment({"runAsUser": 1000}, {"runAsUser": 0})
}

test_pod_level_settings_pass if {
	count(deny) == 0 with input as deployment({"runAsNonRoot": true}, {})
	count(deny) == 0 with input as deployment({"runAsUser": 10001}, {})
}

test_nonroot_false_is_medium if {
	ds := deny with input as deployment({"runAsNonRoot": false}, {})
	some d in ds
	d.severity == "medium"
	contains(d.msg, "runAsNonRoot: false")
}

test_string_true_counts if count(deny) == 0 with input as deployment({"runAsNonRoot": "true"}, {})

test_placeholder_user_is_not_judged if count(deny) == 0 with input as deployment({}, {"runAsUser": "{{ .Values.uid }}"})

test_windows_pods_are_skipped if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"os": {"name": "windows"}, "containers": [{"name": "a"}]}}}
}

test_windows_node_selector_and_options if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"nodeSelector": {"kubernetes.io/os": "windows"}, "containers": [{"name": "a"}]}}}
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"securityContext": {"windowsOptions": {"runAsUserName": "ContainerUser"}}, "containers": [{"name": "a"}]}}}
	count(deny) == 1 with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"nodeSelector": {"kubernetes.io/os": "linux"}, "containers": [{"name": "a"}]}}}
}

affinity_pod(terms) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {
	"affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": terms}}},
	"containers": [{"name": "a"}],
}}}

windows_term := {"matchExpressions": [{"key": "kubernetes.io/os", "operator": "In", "values": ["windows"]}]}

test_windows_by_required_node_affinity if {
	count(deny) == 0 with input as affinity_pod([windows_term])
	count(deny) == 1 with input as affinity_pod([windows_term, {"matchExpressions": [{"key": "kubernetes.io/os", "operator": "In", "values": ["linux"]}]}])
	count(deny) == 1 with input as affinity_pod([{"matchExpressions": [{"key": "kubernetes.io/os", "operator": "In", "values": ["windows", "linux"]}]}])
	count(deny) == 1 with input as affinity_pod([{"matchExpressions": [{"key": "kubernetes.io/os", "operator": "NotIn", "values": ["windows"]}]}])
}
