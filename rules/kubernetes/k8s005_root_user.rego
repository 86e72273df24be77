# METADATA
# title: Container runs as root
# description: |
#   A process running as UID 0 in a container is root on the node's kernel:
#   one kernel or runtime bug, a writable hostPath or an added capability
#   away from owning the node and every pod on it. Kubernetes runs a
#   container as its image's USER, which is root for most base images,
#   unless the pod or container sets runAsUser or runAsNonRoot.
#
#   runAsUser and runAsNonRoot are inherited from the pod's securityContext
#   unless the container sets them, each field on its own: the container's
#   value wins. An effective runAsUser 0 is reported as high; with
#   runAsNonRoot: true as well, the kubelet refuses to start the container
#   (CreateContainerConfigError). Setting neither runAsNonRoot: true nor a
#   runAsUser of 1 or more is reported as medium. Values left as template
#   placeholders are not judged, and Windows pods (spec.os.name, a
#   kubernetes.io/os node selector or windowsOptions) are not checked, nor
#   are Cloud Run services, which take no securityContext.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# custom:
#   id: K8S005
#   name: root-user
#   severity: high
#   kinds: [kubernetes]
#   tags: [security, kubernetes]
#   remediation: |
#     Run as a non-root UID, on the pod (every container inherits it) or on
#     the container, and let the kubelet enforce it.
#
#     YAML:
#       securityContext:
#         runAsNonRoot: true
#         runAsUser: 10001
#
#     JSON:
#       "securityContext": {"runAsNonRoot": true, "runAsUser": 10001}
package shipcheck.kubernetes.root_user

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": k8s.at(x, user), "severity": "high"} if {
	some x in k8s.containers
	k8s.security_context_applies
	user := k8s.effective(x, "runAsUser")
	values.number(user.value) == 0
	nonroot := k8s.effective(x, "runAsNonRoot")
	values.is_true(nonroot.value)
	msg := sprintf("%s will not start: runAsUser is 0 (%s) but runAsNonRoot is true (%s), so the kubelet refuses to run it; set runAsUser to a non-zero UID", [k8s.label(x), k8s.source(user), k8s.source(nonroot)])
}

deny contains {"msg": msg, "path": k8s.at(x, user), "severity": "high"} if {
	some x in k8s.containers
	k8s.security_context_applies
	user := k8s.effective(x, "runAsUser")
	values.number(user.value) == 0
	not nonroot_true(x)
	msg := sprintf("%s runs as root: runAsUser is 0 (%s); run as a non-zero UID and set runAsNonRoot: true", [k8s.label(x), k8s.source(user)])
}

deny contains {"msg": msg, "path": k8s.nearest(x, ["securityContext", "runAsNonRoot"]), "severity": "medium"} if {
	some x in k8s.containers
	k8s.security_context_applies
	not nonroot_true(x)
	not user_set(x)
	not nonroot_unknown(x)
	msg := sprintf("%s %s and no runAsUser of 1 or more, so it runs as the image's user, which is root unless the image sets USER; set runAsNonRoot: true and a non-zero runAsUser on the pod or container", [k8s.label(x), nonroot_said(x)])
}

nonroot_true(x) if values.is_true(k8s.effective(x, "runAsNonRoot").value)

# user_set holds when runAsUser is a number or a placeholder: either it was
# reported above or it cannot be judged.
user_set(x) if values.number(k8s.effective(x, "runAsUser").value) >= 0

user_set(x) if values.unknown(k8s.effective(x, "runAsUser").value)

nonroot_unknown(x) if values.unknown(k8s.effective(x, "runAsNonRoot").value)

nonroot_false(x) if values.is_false(k8s.effective(x, "runAsNonRoot").value)

nonroot_said(x) := sprintf("sets runAsNonRoot: false (%s)", [k8s.source(e)]) if {
	e := k8s.effective(x, "runAsNonRoot")
	values.is_false(e.value)
}

nonroot_said(x) := "has no runAsNonRoot: true" if not nonroot_false(x)
