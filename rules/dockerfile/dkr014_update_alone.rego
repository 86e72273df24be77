# METADATA
# title: Package index update in a RUN of its own
# description: |
#   A RUN that only runs apt-get update (or apk update) is cached as its own
#   layer: later builds reuse the old index while the install step changes,
#   and installs fail or fetch outdated packages. Update and install in the
#   same RUN. A RUN that also runs a script, make or xargs (which may
#   install) is not reported.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#apt-get
# custom:
#   id: DKR014
#   name: update-alone
#   severity: medium
#   kinds: [dockerfile]
#   tags: [reliability, dockerfile]
#   remediation: |
#     RUN apt-get update && apt-get install -y --no-install-recommends curl \
#      && rm -rf /var/lib/apt/lists/*
package shipcheck.dockerfile.update_alone

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": df.command_path(s, k, c)} if {
	some [s, k, run] in df.runs
	some c, cmd in run.commands
	update(cmd)
	not installs(run)
	msg := sprintf("%s update on line %d runs without an install in the same RUN; its cached layer goes stale, so update and install in one RUN", [cmd.name, cmd.line])
}

update(cmd) if {
	cmd.name in {"apt-get", "apt", "apk"}
	cmd.sub == "update"
}

installs(run) if {
	some cmd in run.commands
	cmd.name in {"apt-get", "apt", "aptitude"}
	cmd.sub in {"install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "reinstall", "source"}
}

installs(run) if {
	some cmd in run.commands
	cmd.name == "apk"
	cmd.sub in {"add", "upgrade", "fix"}
}

# Scripts and build tools may install packages themselves.
installs(run) if {
	some cmd in run.commands
	runs_other_code(cmd)
	not cmd.followed
}

# runs_other_code holds for a command that may install without saying so:
# a script or tool. A shell whose code was analyzed (bash <<EOF, sh -c
# '...') is not one: its commands are listed themselves.
runs_other_code(cmd) if cmd.name in {"sh", "bash", "ash", "dash", "zsh", "xargs", "make", "eval", "source", ".", "ansible-playbook", "python", "python3", "perl", "ruby", "node"}

runs_other_code(cmd) if endswith(cmd.name, ".sh")

runs_other_code(cmd) if startswith(cmd.argv[0], "./")
