package shipcheck.kubernetes.secret_in_env_test

import data.shipcheck.kubernetes.secret_in_env.deny

pod(env) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [{"name": "app", "env": env}]}}}

test_credential_value_is_high_or_critical if {
	ds := deny with input as pod([{"name": "X", "value": "AKIAIOSFODNN7EXAMPLE"}])
	some d in ds
	d.severity in {"high", "critical"}
	d.path == ["spec", "containers", 0, "env", 0, "value"]
	not contains(d.msg, "AKIAIOSFODNN7EXAMPLE")
}

test_secret_name_is_medium if {
	ds := deny with input as pod([{"name": "DB_PASSWORD", "value": "hunter2hunter2"}])
	some d in ds
	d.severity == "medium"
	contains(d.msg, `"DB_PASSWORD"`)
}

test_value_from_is_exempt if {
	count(deny) == 0 with input as pod([{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}])
}

test_path_like_names_are_not_secrets if {
	count(deny) == 0 with input as pod([{"name": "SECRETS_DIR", "value": "/etc/secrets"}, {"name": "PASSWORD_FILE", "value": "/run/secrets/db"}])
}

test_references_are_not_secrets if {
	count(deny) == 0 with input as pod([{"name": "API_TOKEN", "value": "$(TOKEN)"}, {"name": "DB_PASSWORD", "value": ""}])
}

test_init_and_ephemeral_containers if {
	ds := deny with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "env": [{"name": "TOKEN", "value": "abcdefabcdef123"}]}],
		"ephemeralContainers": [{"name": "e", "env": [{"name": "TOKEN", "value": "abcdefabcdef123"}]}],
	}}}
	count(ds) == 2
}
