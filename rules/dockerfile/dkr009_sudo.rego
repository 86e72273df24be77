# METADATA
# title: sudo in RUN
# description: |
#   RUN already runs as the current USER; sudo inside a build hides which
#   steps need root, fails without a TTY or a sudoers entry, and leaves sudo
#   configured in the image for anyone who gets a shell. Only sudo run as a
#   command is reported: installing the sudo package is not.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#user
# custom:
#   id: DKR009
#   name: sudo
#   severity: medium
#   kinds: [dockerfile]
#   tags: [security, dockerfile]
#   remediation: |
#     Run the step as root and switch user afterwards:
#       USER root
#       RUN apt-get update && apt-get install -y --no-install-recommends curl
#       USER app
package shipcheck.dockerfile.sudo

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": df.command_path(s, k, c)} if {
	some [s, k, c, cmd] in df.commands
	cmd.name == "sudo"
	msg := sprintf("RUN calls sudo on line %d; use USER root for the step that needs it and switch back to an unprivileged USER", [cmd.line])
}
