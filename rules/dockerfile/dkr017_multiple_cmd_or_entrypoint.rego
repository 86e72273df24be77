# METADATA
# title: More than one CMD or ENTRYPOINT in a stage
# description: |
#   Only the last CMD and the last ENTRYPOINT of a stage take effect; the
#   earlier ones are dead code that readers take for the real start command.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#cmd
#   - ref: https://docs.docker.com/reference/dockerfile/#entrypoint
# custom:
#   id: DKR017
#   name: multiple-cmd-or-entrypoint
#   severity: low
#   kinds: [dockerfile]
#   tags: [maintainability, dockerfile]
#   remediation: |
#     Keep one CMD and one ENTRYPOINT per stage; chain commands in a script.
package shipcheck.dockerfile.multiple_cmd_or_entrypoint

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": df.path(s, k)} if {
	some s, st in df.stages
	some k, ins in st.instructions
	ins.cmd in {"cmd", "entrypoint"}
	j := max({i | some i, e in st.instructions; i < k; e.cmd == ins.cmd})
	earlier := st.instructions[j]
	msg := sprintf("%s on line %d overrides the %s on line %d in the same stage; only the last one takes effect", [upper(ins.cmd), ins.line, upper(ins.cmd), earlier.line])
}
