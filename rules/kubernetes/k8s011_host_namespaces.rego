# METADATA
# title: Pod shares a host namespace
# description: |
#   hostNetwork puts the pod on the node's network stack: it can bind the
#   node's ports, reach services listening on localhost (the kubelet's
#   read-only port, cloud metadata endpoints without hop limits) and sniff
#   traffic with NET_RAW. hostPID lets it see and signal every process on
#   the node and read their environment; hostIPC lets it read other
#   processes' shared memory. Pod Security admission rejects all three at
#   the baseline level.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - ref: https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#hostname-and-name-resolution
# custom:
#   id: K8S011
#   name: host-namespaces
#   severity: high
#   kinds: [kubernetes]
#   tags: [security, kubernetes]
#   remediation: |
#     Remove hostNetwork, hostPID and hostIPC; expose ports through a
#     Service, and run node agents that truly need the host in a dedicated,
#     reviewed namespace.
#
#     YAML:
#       spec:
#         hostNetwork: false
#
#     JSON:
#       "spec": {"hostNetwork": false}
package shipcheck.kubernetes.host_namespaces

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": array.concat(k8s.pod_path, [field])} if {
	some field, what in namespaces
	values.is_true(object.get(k8s.pod, field, null))
	msg := sprintf("the pod sets %s: true, %s; remove it", [field, what])
}

namespaces := {
	"hostNetwork": "sharing the node's network stack (its ports, localhost services and traffic)",
	"hostPID": "seeing and signalling every process on the node",
	"hostIPC": "sharing the node's IPC namespace and shared memory",
}
