# METADATA
# title: Container adds a dangerous Linux capability
# description: |
#   Each of these capabilities removes a wall between the container and the
#   node: SYS_ADMIN allows mounting filesystems and most known container
#   escapes, SYS_MODULE loads kernel modules, SYS_PTRACE reads and injects
#   into other processes' memory, SYS_RAWIO and DAC_READ_SEARCH read raw
#   devices and arbitrary host files, BPF loads kernel programs, NET_ADMIN
#   rewrites the pod's (with hostNetwork, the node's) routes and firewall,
#   and NET_RAW forges packets for spoofing and ARP poisoning on the node's
#   network. ALL grants every one of them. Names are matched in any case,
#   with or without the CAP_ prefix.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - ref: https://man7.org/linux/man-pages/man7/capabilities.7.html
# custom:
#   id: K8S009
#   name: dangerous-capabilities
#   severity: high
#   kinds: [kubernetes]
#   tags: [security, kubernetes]
#   remediation: |
#     Remove the capability; if one narrow operation needs privilege, add the
#     narrow capability (NET_BIND_SERVICE for ports below 1024) and drop the
#     rest.
#
#     YAML:
#       securityContext:
#         capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
#
#     JSON:
#       "securityContext": {"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}}
package shipcheck.kubernetes.dangerous_capabilities

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

dangerous := {"ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "NET_RAW", "DAC_READ_SEARCH", "BPF", "SYS_RAWIO"}

deny contains {"msg": msg, "path": array.concat(x.path, ["securityContext", "capabilities", "add", j])} if {
	some x in k8s.containers
	caps := values.object_or_empty(object.get(k8s.security(x), "capabilities", null))
	some j, cap in values.array_or_empty(object.get(caps, "add", null))
	is_string(cap)
	name := k8s.capability(cap)
	name in dangerous
	msg := sprintf("%s adds the %s capability, %s; remove it from securityContext.capabilities.add", [k8s.label(x), name, why[name]])
}

why := {
	"ALL": "which grants every capability and makes the container as powerful as root on the node",
	"SYS_ADMIN": "which allows mounting filesystems and most known container escapes",
	"NET_ADMIN": "which lets it change routes and firewall rules",
	"SYS_PTRACE": "which lets it read and modify other processes' memory",
	"SYS_MODULE": "which lets it load kernel modules into the node",
	"NET_RAW": "which lets it forge packets (spoofing, ARP poisoning)",
	"DAC_READ_SEARCH": "which lets it read files regardless of permissions and escape through open_by_handle_at",
	"BPF": "which lets it load eBPF programs into the node's kernel",
	"SYS_RAWIO": "which gives raw access to host devices and I/O ports",
}
