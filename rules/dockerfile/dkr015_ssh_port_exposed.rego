# METADATA
# title: SSH port exposed
# description: |
#   EXPOSE 22 means an SSH server is meant to run in the container: one more
#   daemon with credentials to manage and patch, and a way in that bypasses
#   the orchestrator's exec, audit and access control. Ranges containing 22
#   and any protocol are reported, and ports given by ARG or ENV
#   (EXPOSE ${SSH_PORT}) once resolved.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#expose
#   - ref: https://docs.docker.com/reference/cli/docker/container/exec/
# custom:
#   id: DKR015
#   name: ssh-port-exposed
#   severity: low
#   kinds: [dockerfile]
#   tags: [security, dockerfile]
#   remediation: |
#     Remove EXPOSE 22 and the SSH server; use docker exec, kubectl exec or
#     ECS Exec to get a shell.
package shipcheck.dockerfile.ssh_port_exposed

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": array.concat(df.path(s, k), ["args", i])} if {
	some [s, k, ins] in df.instructions
	ins.cmd == "expose"
	some i, port in object.get(ins, "ports", ins.args)
	has_22(split(port, "/")[0])
	msg := sprintf("EXPOSE %s publishes the SSH port; remove it and use exec access (docker exec, kubectl exec, ECS Exec) instead of an SSH server", [written(ins.args[i], port)])
}

# written quotes the argument as written, and its value when a variable
# gave it (EXPOSE ${SSH_PORT}).
written(arg, port) := arg if arg == port

written(arg, port) := sprintf("%s (%s)", [arg, port]) if arg != port

has_22(p) if p == "22"

has_22(p) if {
	regex.match(`^[0-9]+-[0-9]+$`, p)
	bounds := split(p, "-")
	to_number(bounds[0]) <= 22
	to_number(bounds[1]) >= 22
}
