package shipcheck.kubernetes.secret_manifest_committed_test

import data.shipcheck.kubernetes.secret_manifest_committed.deny

secret(extra) := {"kind": "kubernetes", "spec": object.union({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"}}, extra)}

test_data if {
	ds := deny with input as secret({"data": {"password": "aHVudGVyMg=="}})
	count(ds) == 1
	some d in ds
	d.path == ["data"]
	not contains(d.msg, "aHVudGVyMg==")
	contains(d.msg, "password")
}

test_string_data if {
	ds := deny with input as secret({"stringData": {"password": "hunter2"}})
	some d in ds
	d.path == ["stringData"]
}

test_one_finding_when_both if count(deny) == 1 with input as secret({"data": {"a": "eA=="}, "stringData": {"b": "x"}})

test_empty_and_placeholders_pass if {
	count(deny) == 0 with input as secret({})
	count(deny) == 0 with input as secret({"data": {}})
	count(deny) == 0 with input as secret({"stringData": {"password": "${DB_PASSWORD}", "user": ""}})
}

test_service_account_token_passes if {
	count(deny) == 0 with input as secret({"type": "kubernetes.io/service-account-token", "data": {"token": "eA=="}})
}

test_other_kinds_pass if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {"apiVersion": "bitnami.com/v1alpha1", "kind": "SealedSecret", "spec": {"encryptedData": {"a": "b"}}}}
}

test_placeholders_are_not_values if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {
		"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"},
		"stringData": {"a": "<password>", "b": "$TOKEN", "c": "#{Key}#", "d": "__KEY__"},
	}}
}

test_literal_beside_placeholder_counts if {
	ds := deny with input as {"kind": "kubernetes", "spec": {
		"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"},
		"stringData": {"a": "<password>", "b": "s3cr3t-value"},
	}}
	some d in ds
	contains(d.msg, "1 value(s) in stringData (b)")
}

test_encrypted_and_store_references_are_not_values if {
	count(deny) == 0 with input as {"kind": "kubernetes", "spec": {
		"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"},
		"stringData": {
			"a": "ENC[AES256_GCM,data:8H4wsH4FxgY=,iv:tYOh,tag:2mdd,type:str]",
			"b": "vault:secret/data/app#password",
			"c": "ref+vault://secret/data/db#/password",
			"d": "ref+awssecrets://prod/db",
		},
	}}
}

argocd(fields) := {"kind": "kubernetes", "spec": object.union({
	"apiVersion": "v1", "kind": "Secret",
	"metadata": {"name": "repo", "namespace": "argocd", "labels": {"argocd.argoproj.io/secret-type": "repository"}},
}, fields)}

test_argocd_public_repository_passes if {
	count(deny) == 0 with input as argocd({"stringData": {"type": "git", "url": "https://github.com/org/repo.git", "project": "default"}})
	count(deny) == 0 with input as argocd({"data": {"type": "Z2l0", "url": "aHR0cHM6Ly9naXRodWIuY29tL29yZy9yZXBvLmdpdA=="}})
}

test_argocd_credentials_count if {
	ds := deny with input as argocd({"stringData": {"type": "git", "url": "https://github.com/org/repo.git", "username": "bot", "password": "s3cr3t-token"}})
	some d in ds
	contains(d.msg, "1 value(s) in stringData (password)")
}

test_argocd_url_with_password_counts if {
	ds := deny with input as argocd({"stringData": {"type": "git", "url": "https://bot:s3cr3t-token@github.com/org/repo.git"}})
	some d in ds
	contains(d.msg, "(url)")
}

test_settings_count_without_the_label if {
	ds := deny with input as secret({"stringData": {"type": "git", "url": "https://github.com/org/repo.git"}})
	count(ds) == 1
}
