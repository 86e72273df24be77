# METADATA
# title: apt lists left in the image
# description: |
#   apt-get update downloads package lists to /var/lib/apt/lists: tens of
#   megabytes kept in the layer of the RUN that installs, in every pull of
#   the image. Removing them in a later RUN does not shrink the earlier
#   layer. Checked for RUNs of the final stage and the stages it is built
#   FROM; a cache or tmpfs mount of /var/lib/apt or /var/lib/apt/lists
#   passes (a cache mount of /var/cache/apt alone keeps the downloaded
#   .debs out of the layer, not the lists).
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#apt-get
#   - ref: https://docs.docker.com/reference/dockerfile/#run---mounttypecache
# custom:
#   id: DKR013
#   name: apt-lists-not-cleaned
#   severity: info
#   kinds: [dockerfile]
#   tags: [efficiency, dockerfile]
#   remediation: |
#     Clean up in the same RUN:
#       RUN apt-get update && apt-get install -y --no-install-recommends curl \
#        && rm -rf /var/lib/apt/lists/*
package shipcheck.dockerfile.apt_lists_not_cleaned

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": df.path(s, k)} if {
	some s in df.chain
	some k, ins in df.stages[s].instructions
	df.runs_code(ins)
	run := ins.run
	some cmd in run.commands
	cmd.name in {"apt-get", "apt"}
	cmd.sub == "install"
	not cleaned(run)
	not cache_mounted(run)
	msg := sprintf("RUN on line %d installs with apt but leaves /var/lib/apt/lists in the layer; add && rm -rf /var/lib/apt/lists/* to the same RUN", [ins.line])
}

cleaned(run) if {
	some cmd in run.commands
	some a in cmd.argv
	startswith(a, "/var/lib/apt/lists")
}

cleaned(run) if {
	some cmd in run.commands
	cmd.name in {"apt-get", "apt"}
	cmd.sub in {"distclean", "dist-clean"}
}

cache_mounted(run) if {
	some m in run.mounts
	m.type in {"cache", "tmpfs"}
	regex.match(`^/var/lib/apt(/lists)?/*$`, object.get(m, "target", ""))
}
