# METADATA
# title: apt-get install without -y
# description: |
#   A build has no terminal to answer apt-get's "Do you want to continue?"
#   prompt: without -y the install aborts, or hangs in some CI setups. -y,
#   --yes, --assume-yes, -qq, an APT::Get::Assume-Yes option or apt
#   configuration written by the Dockerfile, and "yes |" all answer it. An
#   install whose options come from a variable ($APT_OPTS) is not reported.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#apt-get
#   - ref: https://manpages.debian.org/apt-get.8
# custom:
#   id: DKR011
#   name: apt-get-missing-yes
#   severity: medium
#   kinds: [dockerfile]
#   tags: [reliability, dockerfile]
#   remediation: |
#     RUN apt-get update && apt-get install -y --no-install-recommends curl \
#      && rm -rf /var/lib/apt/lists/*
package shipcheck.dockerfile.apt_get_missing_yes

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": df.command_path(s, k, c)} if {
	some [s, k, c, cmd] in df.commands
	cmd.name == "apt-get"
	cmd.sub == "install"
	not df.options_hidden(cmd)
	not answered(cmd)
	not fed_by_yes(s, k, cmd)
	not configured
	msg := sprintf("apt-get install on line %d has no -y; the build cannot answer the prompt, add -y", [cmd.line])
}

answered(cmd) if df.has_option(cmd.argv, "y", "--yes")

answered(cmd) if "--assume-yes" in cmd.argv

answered(cmd) if {
	some a in cmd.argv
	regex.match(`^-[A-Za-z]*q[A-Za-z]*q|^(-q|--quiet)=[2-9]$|(?i)Assume-Yes=(true|1|yes)`, a)
}

# -q given more than once (-q -q, --quiet -q) is quiet level 2 too, which
# apt-get documents as implying -y.
answered(cmd) if {
	levels := [n |
		some a in cmd.argv
		n := quiet_level(a)
	]
	sum(levels) >= 2
}

quiet_level(a) := 1 if a == "--quiet"

quiet_level(a) := n if {
	regex.match(`^-[A-Za-z]+$`, a)
	n := count(regex.find_n(`q`, a, -1))
}

fed_by_yes(s, k, cmd) if {
	cmd.pipeline >= 0
	some other in df.stages[s].instructions[k].run.commands
	other.pipeline == cmd.pipeline
	other.name == "yes"
}

configured if {
	some [_, _, run] in df.runs
	regex.match(`(?i)Assume-Yes\s+"?(true|1|yes)`, run.script)
}

# An apt.conf written from a here-document (COPY <<EOF
# /etc/apt/apt.conf.d/99docker) configures apt the same way.
configured if {
	some [_, _, ins] in df.instructions
	ins.cmd in {"copy", "add"}
	some h in ins.heredocs
	regex.match(`(?i)Assume-Yes\s+"?(true|1|yes)`, h.content)
}
