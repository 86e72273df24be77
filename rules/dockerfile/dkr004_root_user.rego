# METADATA
# title: Final stage runs as root
# description: |
#   A process running as root in the container is root on the host as soon
#   as it escapes the container through a kernel or runtime bug, and can
#   modify everything in the image at run time. The last USER of the final
#   stage, ARGs resolved and inherited from the stage it is built FROM,
#   is root, 0, root:<group> or 0:<group>.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#user
#   - ref: https://docs.docker.com/build/building/best-practices/#user
# custom:
#   id: DKR004
#   name: root-user
#   severity: high
#   kinds: [dockerfile]
#   tags: [security, dockerfile]
#   remediation: |
#     Switch to an unprivileged user after the steps that need root:
#       RUN groupadd -r app && useradd -r -g app app
#       USER app
package shipcheck.dockerfile.root_user

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": df.path(u.stage, u.instruction)} if {
	u := df.final.user
	u != null
	not u.inherited
	df.root_user(u.value)
	msg := sprintf("the final %s runs as %q; switch to an unprivileged USER after the steps that need root", [df.stage_label(df.final), u.value])
}

deny contains {"msg": msg, "path": ["stages", df.final_index]} if {
	u := df.final.user
	u != null
	u.inherited
	df.root_user(u.value)
	msg := sprintf("the final %s runs as %q, inherited from USER on line %d; add an unprivileged USER to this stage", [df.stage_label(df.final), u.value, u.line])
}
