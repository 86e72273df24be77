# METADATA
# title: Sensitive host path mounted into a container
# description: |
#   A bind mount of the host's root, /etc, /proc, /sys, /dev, /boot, /root or
#   /var/lib/docker, or of a container runtime socket, hands the container
#   the instance: with the Docker or containerd socket it can start a
#   privileged container, with /etc or /root it can add users and SSH keys,
#   with /proc, /sys or /dev it can read other processes' memory and
#   reconfigure the kernel. A compromised application becomes a compromised
#   instance and every task on it. Mounting read-only does not help for
#   sockets: the runtime API still accepts commands.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HostVolumeProperties.html
#   - ref: https://docs.docker.com/engine/security/#docker-daemon-attack-surface
# custom:
#   id: ECS013
#   name: sensitive-host-mount
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [security, ecs]
#   remediation: |
#     Mount only the application's own directories, or use an ECS-managed
#     volume (no host.sourcePath) or EFS. Agents that truly need the host
#     (log collectors, monitoring) belong in a dedicated, reviewed task.
#
#     JSON:
#       "volumes": [{"name": "data", "host": {"sourcePath": "/data/app"}}]
#
#     Terraform:
#       volume {
#         name      = "data"
#         host_path = "/data/app"
#       }
package shipcheck.ecs.sensitive_host_mount

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

# sensitive_paths are host directories that give away the instance.
sensitive_paths := {"/", "/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/var/lib/docker"}

# runtime_sockets are the API endpoints of container runtimes.
runtime_sockets := {"docker.sock", "containerd.sock", "crio.sock", "podman.sock", "dockershim.sock", "docker_engine"}

deny contains {"msg": msg, "path": ["volumes", vi, "host", "sourcePath"]} if {
	some vi, v in values.array_or_empty(ecs.spec.volumes)
	is_object(v)
	source := object.get(v, ["host", "sourcePath"], null)
	values.nonempty_string(source)
	not values.unknown(source)
	what := sensitive(normalize(source))
	name := object.get(v, "name", null)
	is_string(name)
	users := mounted_by(name)
	count(users) > 0
	msg := sprintf("volume %q mounts %s (%s) from the host into %s; a compromised container then controls the instance: mount only the application's own directories", [name, source, what, concat(", ", sort(users))])
}

sensitive(p) := "a container runtime socket" if {
	some s in runtime_sockets
	endswith(lower(p), concat("", ["/", s]))
}

sensitive(p) := "a container runtime socket" if {
	startswith(lower(p), `\\.\pipe\docker_engine`)
}

sensitive(p) := "a sensitive host directory" if p in sensitive_paths

# normalize drops duplicate and trailing slashes and "." components so that
# "/etc/", "//etc" and "/./etc" are recognised.
normalize(p) := "/" if {
	startswith(p, "/")
	parts := [s | some s in split(p, "/"); s != ""; s != "."]
	count(parts) == 0
}

normalize(p) := concat("", ["/", concat("/", parts)]) if {
	startswith(p, "/")
	parts := [s | some s in split(p, "/"); s != ""; s != "."]
	count(parts) > 0
}

normalize(p) := p if not startswith(p, "/")

# mounted_by names the containers whose mountPoints use the volume.
mounted_by(name) := {ecs.label(c, i) |
	some i, c in ecs.containers
	some m in values.array_or_empty(object.get(c, "mountPoints", []))
	object.get(m, "sourceVolume", null) == name
}
