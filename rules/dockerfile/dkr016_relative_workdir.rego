# METADATA
# title: Relative WORKDIR
# description: |
#   A relative WORKDIR is resolved against the previous WORKDIR, which may
#   come from the base image and change when the base image does: files then
#   land somewhere else and the build or the container start breaks.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#workdir
#   - ref: https://docs.docker.com/build/building/best-practices/#workdir
# custom:
#   id: DKR016
#   name: relative-workdir
#   severity: low
#   kinds: [dockerfile]
#   tags: [reliability, dockerfile]
#   remediation: |
#     WORKDIR /app
package shipcheck.dockerfile.relative_workdir

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": df.path(s, k)} if {
	some [s, k, ins] in df.instructions
	ins.cmd == "workdir"
	count(ins.args) > 0
	dir := trim(ins.args[0], `"'`)
	not regex.match(`^(/|\$|\\|[A-Za-z]:[\\/])`, dir)
	msg := sprintf("WORKDIR %s on line %d is relative; use an absolute path", [dir, ins.line])
}
