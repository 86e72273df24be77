# METADATA
# title: Sensitive host path mounted into a pod
# description: |
#   A hostPath volume of the node's root, /etc, /proc, /sys, /dev, /boot,
#   /root, /var/lib/docker, /run or /var/run, or of a container runtime
#   socket (docker.sock, containerd.sock, crio.sock, podman.sock,
#   cri-dockerd.sock), hands the pod the node: with a runtime socket it can
#   start a privileged container outside Kubernetes' control, with /etc or
#   /root it can add users and SSH keys, with /proc, /sys or /dev it can
#   read other processes' memory and reconfigure the kernel. Mounting
#   read-only does not help for sockets: the runtime API still accepts
#   commands.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - ref: https://docs.docker.com/engine/security/#docker-daemon-attack-surface
# custom:
#   id: K8S012
#   name: sensitive-host-path
#   severity: high
#   kinds: [kubernetes]
#   tags: [security, kubernetes]
#   remediation: |
#     Use an emptyDir, a PersistentVolumeClaim or a projected volume; node
#     agents that truly need the host belong in a dedicated, reviewed
#     namespace. Build images with a daemonless builder (BuildKit rootless,
#     Kaniko) instead of the node's Docker socket.
#
#     YAML:
#       volumes:
#         - name: data
#           persistentVolumeClaim: {claimName: data}
#
#     JSON:
#       "volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "data"}}]
package shipcheck.kubernetes.sensitive_host_path

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

sensitive_paths := {"/", "/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/var/lib/docker", "/run", "/var/run"}

# cri-dockerd.sock is the CRI socket of Docker Engine nodes since dockershim
# left the kubelet (Mirantis cri-dockerd): it creates containers like the
# others.
runtime_sockets := {"docker.sock", "containerd.sock", "crio.sock", "podman.sock", "dockershim.sock", "cri-dockerd.sock"}

# runtime_dirs hold a runtime's socket: mounting them exposes it.
runtime_dirs := {"/run/docker", "/var/run/docker", "/run/containerd", "/var/run/containerd", "/run/crio", "/var/run/crio", "/run/podman", "/var/run/podman"}

deny contains {"msg": msg, "path": array.concat(k8s.pod_path, ["volumes", i, "hostPath", "path"])} if {
	some i, v in values.array_or_empty(object.get(k8s.pod, "volumes", null))
	is_object(v)
	p := object.get(v, ["hostPath", "path"], null)
	values.nonempty_string(p)
	not values.unknown(p)
	what := sensitive(normalize(p))
	msg := sprintf("volume %s mounts %s (%s) from the node; a compromised container then controls the node: use an emptyDir, a PersistentVolumeClaim or a narrower path", [volume_label(v, i), p, what])
}

sensitive(p) := "a container runtime socket" if {
	some s in runtime_sockets
	endswith(lower(p), concat("", ["/", s]))
}

sensitive(p) := "a container runtime socket" if startswith(lower(p), `\\.\pipe\docker_engine`)

sensitive(p) := "the directory of a container runtime socket" if p in runtime_dirs

sensitive(p) := "a sensitive host directory" if p in sensitive_paths

# normalize drops duplicate and trailing slashes and "." components.
normalize(p) := "/" if {
	startswith(p, "/")
	count(parts(p)) == 0
}

normalize(p) := concat("", ["/", concat("/", parts(p))]) if {
	startswith(p, "/")
	count(parts(p)) > 0
}

normalize(p) := p if not startswith(p, "/")

parts(p) := [s | some s in split(p, "/"); s != ""; s != "."]

volume_label(v, _) := sprintf("%q", [v.name]) if values.nonempty_string(object.get(v, "name", null))

volume_label(v, i) := sprintf("#%d", [i + 1]) if not values.nonempty_string(object.get(v, "name", null))
