# METADATA
# title: Object placed in the default namespace
# description: |
#   The default namespace is where everything lands that nobody placed: it
#   usually has no resource quotas, no NetworkPolicies and no Pod Security
#   level, and everyone with cluster access works in it. Writing
#   namespace: default explicitly pins the object there (kubectl apply -n
#   other refuses it). Only an explicit metadata.namespace: default is
#   reported; leaving the namespace out lets the deploy tool choose. Not
#   reported either: helm template output (documents headed "# Source:
#   chart/templates/..."), where namespace: default is the chart's
#   {{ .Release.Namespace }} rendered without -n, chosen at install time;
#   and files included by a kustomization that sets namespace (theirs, the
#   parent folder's, or every overlay's), which kustomize build writes over
#   the object's own; and cluster-scoped objects (ClusterRole,
#   PersistentVolume, StorageClass...), which live in no namespace.
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
	not cluster_scoped
	msg := sprintf("%s %q is placed in the default namespace explicitly; use the application's namespace, or leave it out and choose it at deploy time", [k8s.kind, object.get(k8s.spec, ["metadata", "name"], "")])
}

# Cluster-scoped kinds live in no namespace: the API server ignores a
# metadata.namespace written on them, so namespace: default places nothing
# in the default namespace. Built-in kinds, by API group ("" is core), and
# cert-manager's ClusterIssuer.
cluster_scoped_kinds := {
	"": {"Namespace", "Node", "PersistentVolume", "ComponentStatus"},
	"rbac.authorization.k8s.io": {"ClusterRole", "ClusterRoleBinding"},
	"storage.k8s.io": {"StorageClass", "CSIDriver", "CSINode", "VolumeAttachment"},
	"apiextensions.k8s.io": {"CustomResourceDefinition"},
	"scheduling.k8s.io": {"PriorityClass"},
	"node.k8s.io": {"RuntimeClass"},
	"admissionregistration.k8s.io": {
		"ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
		"ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
	},
	"apiregistration.k8s.io": {"APIService"},
	"networking.k8s.io": {"IngressClass"},
	"policy": {"PodSecurityPolicy"},
	"certificates.k8s.io": {"CertificateSigningRequest"},
	"flowcontrol.apiserver.k8s.io": {"FlowSchema", "PriorityLevelConfiguration"},
	"cert-manager.io": {"ClusterIssuer"},
}

cluster_scoped if {
	api := object.get(k8s.spec, "apiVersion", "")
	is_string(api)
	k8s.kind in cluster_scoped_kinds[api_group(api)]
}

api_group(api) := substring(api, 0, indexof(api, "/")) if contains(api, "/")

api_group(api) := "" if not contains(api, "/")
