package shipcheck.kubernetes.default_namespace_test

import data.shipcheck.kubernetes.default_namespace.deny

obj(meta) := {"kind": "kubernetes", "meta": {"name": "default/ConfigMap/x"}, "spec": {"kind": "ConfigMap", "metadata": meta}}

test_explicit_default if {
	ds := deny with input as obj({"name": "x", "namespace": "default"})
	some d in ds
	d.path == ["metadata", "namespace"]
	startswith(d.msg, `ConfigMap "x"`)
}

test_absent_or_other_passes if {
	count(deny) == 0 with input as obj({"name": "x"})
	count(deny) == 0 with input as obj({"name": "x", "namespace": "web"})
}

scoped(api, kind) := {"kind": "kubernetes", "spec": {"apiVersion": api, "kind": kind, "metadata": {"name": "x", "namespace": "default"}}}

test_cluster_scoped_kinds_pass if {
	count(deny) == 0 with input as scoped("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")
	count(deny) == 0 with input as scoped("v1", "PersistentVolume")
	count(deny) == 0 with input as scoped("storage.k8s.io/v1", "StorageClass")
}

test_namespaced_kind_of_same_name_elsewhere_is_reported if {
	count(deny) == 1 with input as scoped("example.com/v1", "ClusterRoleBinding")
	count(deny) == 1 with input as scoped("rbac.authorization.k8s.io/v1", "RoleBinding")
}
