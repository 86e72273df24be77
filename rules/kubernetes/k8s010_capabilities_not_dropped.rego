# METADATA
# title: Container does not drop all capabilities
# description: |
#   Container runtimes grant a default set of capabilities (CHOWN,
#   DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, KILL and more) that few
#   applications need; each one is a tool for an attacker who gets code
#   execution (NET_RAW alone enables packet spoofing on the node's network).
#   Dropping ALL and adding back only what is needed removes them. The match
#   is case-insensitive and accepts a CAP_ prefix, but Pod Security
#   admission's restricted level accepts only the exact upper-case "ALL".
#   Windows pods (spec.os.name, a kubernetes.io/os
#   node selector or windowsOptions) are not checked, nor are Cloud Run
#   services, which take no securityContext.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# custom:
#   id: K8S010
#   name: capabilities-not-dropped
#   severity: low
#   kinds: [kubernetes]
#   tags: [security, kubernetes]
#   remediation: |
#     Drop every capability and add back only the ones the container needs.
#
#     YAML:
#       securityContext:
#         capabilities:
#           drop: [ALL]
#
#     JSON:
#       "securityContext": {"capabilities": {"drop": ["ALL"]}}
package shipcheck.kubernetes.capabilities_not_dropped

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": k8s.nearest(x, ["securityContext", "capabilities", "drop"])} if {
	some x in k8s.containers
	k8s.security_context_applies
	drop := object.get(k8s.security(x), ["capabilities", "drop"], null)
	not drops_all(drop)
	not values.unknown(drop)
	msg := sprintf("%s %s", [k8s.label(x), problem(x)])
}

# problem says what the container keeps. A privileged container has every
# capability whatever capabilities.drop says, so its fix starts with
# privileged.
problem(x) := "is privileged, so it has every capability and dropping them has no effect; remove privileged: true, then add ALL to securityContext.capabilities.drop and add back only what it needs" if {
	values.is_true(object.get(k8s.security(x), "privileged", null))
}

problem(x) := "keeps the runtime's default capabilities; add ALL to securityContext.capabilities.drop and add back only what it needs" if {
	not values.is_true(object.get(k8s.security(x), "privileged", null))
}

drops_all(drop) if {
	some c in values.array_or_empty(drop)
	is_string(c)
	k8s.capability(c) == "ALL"
}

# A placeholder in the list may render to ALL.
drops_all(drop) if {
	some c in values.array_or_empty(drop)
	values.unknown(c)
}
