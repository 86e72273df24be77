# METADATA
# title: Container runs without a seccomp profile
# description: |
#   Seccomp limits the system calls a container can make. Without a profile
#   (Unconfined, which is the kubelet's default unless the cluster enables
#   seccompDefault) every system call is available, including the rarely
#   used ones behind most kernel privilege escalations. RuntimeDefault, the
#   container runtime's profile, blocks those and breaks almost nothing.
#   seccompProfile is inherited from the pod's securityContext unless the
#   container sets its own. Reported as medium when Unconfined is written,
#   low when no profile is set. The deprecated seccomp annotations are
#   ignored by current Kubernetes versions and do not count. Windows pods
#   (spec.os.name, a kubernetes.io/os node selector or windowsOptions) are
#   not checked, nor are Cloud Run services, which take no securityContext.
# related_resources:
#   - ref: https://kubernetes.io/docs/tutorials/security/seccomp/
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# custom:
#   id: K8S015
#   name: seccomp-unconfined
#   severity: low
#   kinds: [kubernetes]
#   tags: [security, kubernetes]
#   remediation: |
#     Set the runtime's default profile on the pod; every container inherits it.
#
#     YAML:
#       securityContext:
#         seccompProfile:
#           type: RuntimeDefault
#
#     JSON:
#       "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}
package shipcheck.kubernetes.seccomp_unconfined

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": path, "severity": "medium"} if {
	some x in k8s.containers
	k8s.security_context_applies
	e := k8s.effective(x, "seccompProfile")
	object.get(values.object_or_empty(e.value), "type", null) == "Unconfined"
	path := at(x, e)
	msg := sprintf("%s runs with seccompProfile Unconfined (%s), so every system call is allowed; use type: RuntimeDefault", [k8s.label(x), k8s.source(e)])
}

deny contains {"msg": msg, "path": k8s.nearest(x, ["securityContext", "seccompProfile"]), "severity": "low"} if {
	some x in k8s.containers
	k8s.security_context_applies
	not profile_set(x)
	msg := sprintf("%s has no seccompProfile (neither has the pod), so it runs Unconfined unless the kubelet enables seccompDefault; set seccompProfile type: RuntimeDefault on the pod", [k8s.label(x)])
}

at(x, e) := array.concat(e.path, ["type"]) if not e.inherited

at(x, e) := x.path if e.inherited

# profile_set holds for a written type (any value is a decision, or a
# placeholder that cannot be judged).
profile_set(x) if {
	profile := values.object_or_empty(k8s.effective(x, "seccompProfile").value)
	values.nonempty_string(object.get(profile, "type", null))
}

profile_set(x) if values.unknown(k8s.effective(x, "seccompProfile").value)
