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
