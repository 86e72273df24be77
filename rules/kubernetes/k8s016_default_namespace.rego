# METADATA
# title: Object placed in the default namespace
# description: |
#   The default namespace is where everything lands that nobody placed: it
#   usually has no resource quotas, no NetworkPolicies and no Pod Security
#   level, and everyone with cluster access works in it. Writing
#   namespace: default explicitly pins the object there even when it is
#   applied with -n or through a kustomization namespace. Only an explicit
#   metadata.namespace: default is reported; leaving the namespace out lets
#   the deploy tool choose. In helm template output (documents headed
#   "# Source: chart/templates/...") namespace: default is the chart's
#   {{ .Release.Namespace }} rendered without -n, chosen at install time,
#   and is not reported.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
#   - ref: https://kubernetes.io/docs/concepts/security/multi-tenancy/
# custom:
#   id: K8S016
#   name: default-namespace
#   severity: low
#   kinds: [kubernetes]
#   tags: [operations, kubernetes]
#   remediation: |
#     Use a namespace for the application, or leave metadata.namespace out
#     and choose it at deploy time (kubectl -n, kustomization namespace).
#
#     YAML:
#       metadata:
#         name: web
#         namespace: web
#
#     JSON:
#       "metadata": {"name": "web", "namespace": "web"}
package shipcheck.kubernetes.default_namespace

import data.shipcheck.lib.k8s

deny contains {"msg": msg, "path": ["metadata", "namespace"]} if {
	object.get(k8s.spec, ["metadata", "namespace"], null) == "default"
	msg := sprintf("%s %q is placed in the default namespace explicitly; use the application's namespace, or leave it out and choose it at deploy time", [k8s.kind, object.get(k8s.spec, ["metadata", "name"], "")])
}
