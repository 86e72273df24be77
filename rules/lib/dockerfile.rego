# METADATA
# description: |
#   Helpers for Dockerfiles (kind dockerfile): the final stage and the
#   stages it is built on, instructions with their paths, RUN commands, and
#   root-user tests. See schemas/dockerfile.json for the input shape.
package shipcheck.lib.dockerfile

import data.shipcheck.lib.values

stages := values.array_or_empty(input.spec.stages)

final_index := input.spec.final

final := stages[final_index]

# chain holds the final stage and every stage it is built FROM, by index.
chain contains final_index

chain contains i if some i in final.ancestors

# instructions yields [stage index, instruction index, instruction].
instructions contains [s, k, ins] if {
	some s, st in stages
	some k, ins in st.instructions
}

# path of an instruction, relative to input.spec.
path(s, k) := ["stages", s, "instructions", k]

# runs yields [stage, instruction, run] for every RUN, and every ONBUILD
# RUN: its trigger runs in each build FROM the image.
runs contains [s, k, ins.run] if {
	some [s, k, ins] in instructions
	runs_code(ins)
}

# runs_code holds for a RUN or ONBUILD RUN with its parsed code.
runs_code(ins) if {
	ins.cmd in {"run", "onbuild"}
	is_object(ins.run)
}

# commands yields [stage, instruction, command index, command] for every
# simple command of every RUN.
commands contains [s, k, c, cmd] if {
	some [s, k, run] in runs
	some c, cmd in run.commands
}

# command_path points at the line of one shell command.
command_path(s, k, c) := ["stages", s, "instructions", k, "run", "commands", c]

# stage_label names a stage for messages: 'stage "build" (line 3)'.
stage_label(st) := sprintf("stage %q (line %d)", [st.name, st.line]) if st.name != ""

stage_label(st) := sprintf("stage #%d (line %d)", [st.index + 1, st.line]) if st.name == ""

# flag returns the value of an instruction's last --name flag.
flag(ins, name) := values[count(values) - 1] if {
	values := [f.value | some f in ins.flags; f.name == name]
	count(values) > 0
}

has_flag(ins, name) if {
	some f in ins.flags
	f.name == name
}

# has_option holds when argv has the long option or a short-option group
# holding the letter: has_option(argv, "k", "--insecure").
has_option(argv, short, _) if {
	some a in array.slice(argv, 1, count(argv))
	regex.match(`^-[A-Za-z0-9]+$`, a)
	contains(a, short)
}

has_option(argv, _, long) if {
	some a in array.slice(argv, 1, count(argv))
	option_matches(a, long)
}

option_matches(a, long) if a == long

option_matches(a, long) if startswith(a, concat("", [long, "="]))

# root_user holds for root, 0, root:<group> and 0:<group>.
root_user(u) if {
	name := split(trim_space(u), ":")[0]
	name in {"root", "0"}
}

# options_hidden holds when an argument comes from a variable or command
# substitution ($APT_OPTS): it may hold any option, so absent options
# cannot be claimed.
options_hidden(cmd) if {
	some a in cmd.argv
	startswith(a, "$")
}

# unresolved holds for a value that still holds a variable reference.
unresolved(v) if contains(v, "$")

# root_image is the image at the bottom of the final stage's FROM chain.
root_image := st.from.image if {
	some s in chain
	st := stages[s]
	st.from.stage == null
}

# root_unknown holds when the bottom of the final stage's FROM chain holds
# an unresolved variable that may name an earlier stage (FROM
# base-${TARGETARCH}): the USER and HEALTHCHECK it inherits are unknown.
root_unknown if {
	some s in chain
	st := stages[s]
	st.from.stage == null
	st.from.maybeStage
}

# artifact_only holds when the final image cannot run anything: built on
# scratch with no CMD or ENTRYPOINT, it only exports files (docker build
# --output, COPY --from in another build).
artifact_only if {
	root_image == "scratch"
	not starts_something
}

starts_something if {
	some s in chain
	some ins in stages[s].instructions
	ins.cmd in {"cmd", "entrypoint"}
}
