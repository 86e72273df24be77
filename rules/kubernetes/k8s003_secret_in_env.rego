# METADATA
# title: Secret in container environment
# description: |
#   A literal env value is part of the manifest: it sits in the Git
#   history, in every rendered chart and CI log, in the object stored in
#   etcd (readable to anyone allowed to get the Deployment, which is far
#   more people than may read Secrets), and in kubectl describe output.
#   Credential-looking values (AWS keys, private keys, GitHub/GitLab/Slack/
#   Stripe tokens, JWTs, URLs with a password) are reported as high, or
#   critical for private keys and cloud credentials; a literal value under
#   a secret-looking name (DB_PASSWORD, apiKey) as medium. Entries using
#   valueFrom and envFrom are the fix and are never reported, nor are names
#   that hold a path or reference (SECRETS_DIR, PASSWORD_FILE). Values are
#   masked in every message.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
#   - ref: https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/
#   - ref: https://kubernetes.io/docs/concepts/security/secrets-good-practices/
# custom:
#   id: K8S003
#   name: secret-in-env
#   severity: high
#   kinds: [kubernetes]
#   tags: [security, secrets, kubernetes]
#   remediation: |
#     Rotate the credential if it was ever committed, store it in a Secret
#     (created outside the repository, or through External Secrets, Sealed
#     Secrets or SOPS) and reference it.
#
#     YAML:
#       env:
#         - name: DB_PASSWORD
#           valueFrom:
#             secretKeyRef: {name: db, key: password}
#
#     JSON:
#       "env": [{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}]
package shipcheck.kubernetes.secret_in_env

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

deny contains finding if {
	some x in k8s.containers
	some j, e in values.array_or_empty(object.get(x.container, "env", null))
	is_object(e)
	object.get(e, "valueFrom", null) == null
	m := shipcheck.secret.classify(name(e), e.value)
	finding := {
		"msg": sprintf(
			"%s: env %s looks like a secret (%s): %s; move it to a Secret and reference it with valueFrom.secretKeyRef, and rotate it",
			[k8s.label(x), variable_label(e, j), m.reason, m.masked],
		),
		"path": array.concat(x.path, ["env", j, "value"]),
		"severity": m.severity,
	}
}

name(e) := e.name if is_string(e.name)

name(e) := "" if not is_string(object.get(e, "name", null))

variable_label(e, _) := sprintf("%q", [e.name]) if values.nonempty_string(object.get(e, "name", null))

variable_label(e, j) := sprintf("entry #%d", [j + 1]) if not values.nonempty_string(object.get(e, "name", null))
