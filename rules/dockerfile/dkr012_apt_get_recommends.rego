# METADATA
# title: apt-get install without --no-install-recommends
# description: |
#   By default apt-get also installs "recommended" packages: often tens of
#   megabytes of documentation, X libraries and tools nobody asked for,
#   which grow the image, slow pulls and add CVEs to patch. An
#   APT::Install-Recommends option or apt configuration written by the
#   Dockerfile also passes, as does an install whose options come from a
#   variable ($APT_OPTS).
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#apt-get
#   - ref: https://manpages.debian.org/apt.conf.5
# custom:
#   id: DKR012
#   name: apt-get-recommends
#   severity: low
#   kinds: [dockerfile]
#   tags: [efficiency, dockerfile]
#   remediation: |
#     RUN apt-get update && apt-get install -y --no-install-recommends curl \
#      && rm -rf /var/lib/apt/lists/*
package shipcheck.dockerfile.apt_get_recommends

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": df.command_path(s, k, c)} if {
	some [s, k, c, cmd] in df.commands
	cmd.name == "apt-get"
	cmd.sub == "install"
	not df.options_hidden(cmd)
	not "--no-install-recommends" in cmd.argv
	not option_off(cmd)
	not configured
	msg := sprintf("apt-get install on line %d pulls recommended packages; add --no-install-recommends", [cmd.line])
}

option_off(cmd) if {
	some a in cmd.argv
	regex.match(`(?i)Install-Recommends=(false|0|no)`, a)
}

configured if {
	some [_, _, run] in df.runs
	regex.match(`(?i)Install-Recommends\s*"?(false|0)`, run.script)
}

# An apt.conf written from a here-document (COPY <<EOF
# /etc/apt/apt.conf.d/99docker) configures apt the same way.
configured if {
	some [_, _, ins] in df.instructions
	ins.cmd in {"copy", "add"}
	some h in ins.heredocs
	regex.match(`(?i)Install-Recommends\s*"?(false|0)`, h.content)
}
