# METADATA
# title: Container adds a dangerous Linux capability
# description: |
#   Each of these capabilities removes a wall between the container and the
#   host: SYS_ADMIN allows mounting filesystems and most known container
#   escapes, SYS_MODULE loads kernel modules, SYS_PTRACE reads and injects
#   into other processes' memory, SYS_RAWIO and DAC_READ_SEARCH read raw
#   devices and arbitrary host files, BPF loads kernel programs, NET_ADMIN
#   rewrites the instance's network (routes, iptables, the metadata endpoint
#   block) and NET_RAW forges packets for spoofing and ARP poisoning on the
#   bridge. ALL grants every one of them. Windows containers do not use
#   linuxParameters and are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html
#   - ref: https://man7.org/linux/man-pages/man7/capabilities.7.html
# custom:
#   id: ECS009
#   name: dangerous-capabilities
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [security, ecs]
#   remediation: |
#     Remove the capability; if one narrow operation needs it, find the
#     narrower capability (NET_BIND_SERVICE for ports below 1024) and drop
#     the rest.
#
#     JSON:
#       "linuxParameters": {"capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]}}
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       linuxParameters = { capabilities = { add = ["NET_BIND_SERVICE"], drop = ["ALL"] } }
package shipcheck.ecs.dangerous_capabilities

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

dangerous := {"ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "NET_RAW", "DAC_READ_SEARCH", "BPF", "SYS_RAWIO"}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "linuxParameters", "capabilities", "add", j]} if {
	ecs.linux
	some i, c in ecs.containers
	params := values.object_or_empty(object.get(c, "linuxParameters", null))
	caps := values.object_or_empty(object.get(params, "capabilities", null))
	some j, cap in values.array_or_empty(object.get(caps, "add", null))
	is_string(cap)
	name := normalize(cap)
	name in dangerous
	msg := sprintf("%s adds the %s capability, %s; remove it from linuxParameters.capabilities.add", [ecs.label(c, i), name, why[name]])
}

# normalize maps "cap_sys_admin", "CAP_SYS_ADMIN" and "sys_admin" to
# "SYS_ADMIN", as Docker accepts them all.
normalize(cap) := trim_prefix(upper(trim_space(cap)), "CAP_")

why := {
	"ALL": "which grants every capability and makes the container as powerful as root on the host",
	"SYS_ADMIN": "which allows mounting filesystems and most known container escapes",
	"NET_ADMIN": "which lets it change the instance's routes and firewall rules",
	"SYS_PTRACE": "which lets it read and modify other processes' memory",
	"SYS_MODULE": "which lets it load kernel modules into the host",
	"NET_RAW": "which lets it forge packets (spoofing, ARP poisoning)",
	"DAC_READ_SEARCH": "which lets it read files regardless of permissions and escape through open_by_handle_at",
	"BPF": "which lets it load eBPF programs into the host kernel",
	"SYS_RAWIO": "which gives raw access to host devices and I/O ports",
}
