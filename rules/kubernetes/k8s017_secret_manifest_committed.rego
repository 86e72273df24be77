# METADATA
# title: Secret with values committed to the repository
# description: |
#   A Secret manifest holds its values in plain text: data is only base64,
#   which is an encoding, not encryption, and stringData is not even that.
#   Once committed, the credentials are in the Git history of every clone
#   and fork, in CI logs and in rendered artefacts, and rotating them is the
#   only fix. Secrets whose values are all empty or template placeholders
#   (<password>, $TOKEN, #{Token}#, __TOKEN__), SOPS-encrypted in place
#   (ENC[AES256_GCM,...]), bank-vaults references (vault:path#key) or vals
#   references (ref+vault://path#/key) are not reported, nor are
#   service-account-token Secrets (their data is filled in by the cluster).
#   In Argo CD's repository, repo-creds and cluster Secrets the settings
#   (type, url, project, username...) are not counted as values, so the
#   Secret of a public repository is not reported.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/secret/
#   - ref: https://kubernetes.io/docs/concepts/security/secrets-good-practices/
# custom:
#   id: K8S017
#   name: secret-manifest-committed
#   severity: medium
#   kinds: [kubernetes]
#   tags: [security, secrets, kubernetes]
#   remediation: |
#     Keep the values out of the repository: create the Secret at deploy time
#     from a secret store (External Secrets Operator, Secrets Store CSI
#     driver), or commit it encrypted (Sealed Secrets, SOPS). Rotate values
#     that were committed.
#
#     YAML:
#       apiVersion: external-secrets.io/v1beta1
#       kind: ExternalSecret
#       spec:
#         secretStoreRef: {name: vault, kind: ClusterSecretStore}
#         data:
#           - secretKey: password
#             remoteRef: {key: prod/db, property: password}
#
#     JSON:
#       {"apiVersion": "bitnami.com/v1alpha1", "kind": "SealedSecret", "spec": {"encryptedData": {"password": "AgB..."}}}
package shipcheck.kubernetes.secret_manifest_committed

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": [field]} if {
	k8s.kind == "Secret"
	k8s.spec.apiVersion == "v1"
	object.get(k8s.spec, "type", "") != "kubernetes.io/service-account-token"
	field := first_field
	keys := literal_keys(field)
	msg := sprintf("Secret %q commits %d value(s) in %s (%s) in plain text%s; create it from a secret store or commit it encrypted (Sealed Secrets, SOPS), and rotate the values", [
		object.get(k8s.spec, ["metadata", "name"], ""), count(keys), field, concat(", ", sort(keys)), encoding[field],
	])
}

encoding := {"data": " (base64 is an encoding, not encryption)", "stringData": ""}

literal_keys(field) := {k |
	some k, v in values.object_or_empty(object.get(k8s.spec, field, null))
	values.nonempty_string(v)
	not values.unknown(v)
	not placeholder(v)
	not argocd_setting(field, k, v)
}

# Argo CD reads repositories, credential templates and clusters from Secrets
# labelled argocd.argoproj.io/secret-type, and most of their keys are
# settings, not secrets: a public repository's Secret holds only type and
# url. Those keys are not counted unless the value is a credential itself
# (a URL with a password); password, sshPrivateKey, githubAppPrivateKey,
# tlsClientCertKey and a cluster's config (bearer token, TLS keys) are.
argocd_settings := {
	"type", "url", "name", "project", "enableOCI", "insecure", "enableLfs", "proxy", "noProxy",
	"forceHttpBasicAuth", "githubAppID", "githubAppInstallationID", "githubAppEnterpriseBaseUrl",
	"username", "server", "namespaces", "clusterResources",
}

argocd_setting(field, k, v) if {
	object.get(k8s.spec, ["metadata", "labels", "argocd.argoproj.io/secret-type"], "") != ""
	k in argocd_settings
	text := plain(field, v) # undefined for data that is not base64: counted
	not shipcheck.secret.classify("", text)
}

# plain is the text of a value: data holds it base64-encoded.
plain("stringData", v) := v

plain("data", v) := base64.decode(v)

# placeholder holds for a whole value that stands for one to be filled in
# before use: <base64-encoded-password>, $DB_PASSWORD (envsubst),
# #{DbPassword} and __DB_PASSWORD__ (release token replacement).
placeholder(v) if regex.match(`^\s*(<[^<>]+>|\$[A-Za-z_][A-Za-z0-9_]*|#\{[^}]+\}#?|__[A-Za-z0-9_]+__)\s*$`, v)

# A value SOPS encrypted in place (ENC[AES256_GCM,data:...,type:str], the
# Flux way of committing Secrets), a bank-vaults webhook reference
# (vault:secret/data/app#password) or a vals reference that vals eval or
# helmfile replaces before the manifest is applied
# (ref+vault://secret/db#/password, ref+awssecrets://prod/db) commits no
# secret.
placeholder(v) if regex.match(`^\s*(ENC\[[A-Z0-9_]+,data:[^\]]*\]|(>>)?vault:[^\s#]+#\S+|ref\+[a-z0-9]+://\S*)\s*$`, v)

first_field := "data" if count(literal_keys("data")) > 0

first_field := "stringData" if {
	count(literal_keys("data")) == 0
	count(literal_keys("stringData")) > 0
}
