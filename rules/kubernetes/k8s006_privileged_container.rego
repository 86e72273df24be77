# METADATA
# title: Privileged container
# description: |
#   privileged: true gives the container every capability, every host
#   device and no seccomp or AppArmor confinement: it can mount the node's
#   disks, load kernel modules and take over the node and every pod on it.
#   Pod Security admission rejects it at the baseline level.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: K8S006
#   name: privileged-container
#   severity: high
#   kinds: [kubernetes]
#   tags: [security, kubernetes]
#   remediation: |
#     Remove privileged and add only the capability the container needs.
#
#     YAML:
#       securityContext:
#         privileged: false
#         capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
#
#     JSON:
#       "securityContext": {"privileged": false, "capabilities": {"drop": ["ALL"]}}
package shipcheck.kubernetes.privileged_container

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": array.concat(x.path, ["securityContext", "privileged"])} if {
	some x in k8s.containers
	values.is_true(object.get(k8s.security(x), "privileged", null))
	msg := sprintf("%s is privileged: it has every capability and host device and can take over the node; remove privileged: true", [k8s.label(x)])
}
