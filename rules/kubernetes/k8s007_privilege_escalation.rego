# METADATA
# title: Container allows privilege escalation
# description: |
#   Unless allowPrivilegeEscalation is false, a process in the container can
#   gain more privileges than its parent through setuid binaries (sudo, su,
#   ping on many images) or file capabilities, turning a compromised
#   non-root process into root. The kernel's no_new_privs flag, which
#   allowPrivilegeEscalation: false sets, closes that path at no cost for
#   almost every application. The field is container-only: the pod's
#   securityContext has no such setting. Reported as medium when absent,
#   high when set to true. Windows pods (spec.os.name, a kubernetes.io/os
#   node selector or windowsOptions) are not checked, nor are Cloud Run
#   services, which take no securityContext.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# custom:
#   id: K8S007
#   name: privilege-escalation
#   severity: medium
#   kinds: [kubernetes]
#   tags: [security, kubernetes]
#   remediation: |
#     Set allowPrivilegeEscalation: false on every container.
#
#     YAML:
#       securityContext:
#         allowPrivilegeEscalation: false
#
#     JSON:
#       "securityContext": {"allowPrivilegeEscalation": false}
package shipcheck.kubernetes.privilege_escalation

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": array.concat(x.path, ["securityContext", "allowPrivilegeEscalation"]), "severity": "high"} if {
	some x in k8s.containers
	k8s.security_context_applies
	values.is_true(object.get(k8s.security(x), "allowPrivilegeEscalation", null))
	msg := sprintf("%s sets allowPrivilegeEscalation: true, so setuid binaries can make any process root; set it to false", [k8s.label(x)])
}

deny contains {"msg": msg, "path": k8s.nearest(x, ["securityContext", "allowPrivilegeEscalation"])} if {
	some x in k8s.containers
	k8s.security_context_applies
	v := object.get(k8s.security(x), "allowPrivilegeEscalation", null)
	not values.is_true(v)
	not values.is_false(v)
	not values.unknown(v)
	msg := sprintf("%s %s", [k8s.label(x), unset_problem(x)])
}

# unset_problem says why escalation is allowed and what to do. A privileged
# container always allows it, and the API server rejects
# allowPrivilegeEscalation: false beside privileged: true, so the fix
# starts with privileged.
unset_problem(x) := "is privileged, which always allows privilege escalation (the API server rejects allowPrivilegeEscalation: false beside privileged: true); remove privileged: true, then set allowPrivilegeEscalation: false" if {
	values.is_true(object.get(k8s.security(x), "privileged", null))
}

unset_problem(x) := "does not set allowPrivilegeEscalation: false, so setuid binaries can make a process root; set it in the container's securityContext" if {
	not values.is_true(object.get(k8s.security(x), "privileged", null))
}
