# METADATA
# title: Invalid stage reference
# description: |
#   The build fails, or copies from the wrong place: COPY --from naming the
#   stage it is in (a circular dependency) or a stage defined after it, a
#   stage index that does not
#   exist, a variable (BuildKit does not expand --from), or a name one or two
#   letters off a stage name (BuildKit then pulls an image of that name);
#   and two stages with the same name, where COPY --from and --target
#   silently pick one.
# related_resources:
#   - ref: https://docs.docker.com/build/building/multi-stage/
#   - ref: https://docs.docker.com/reference/dockerfile/#copy---from
# custom:
#   id: DKR018
#   name: invalid-stage-reference
#   severity: high
#   kinds: [dockerfile]
#   tags: [correctness, dockerfile]
#   remediation: |
#     Name each stage once and copy from an earlier stage by its name:
#       FROM golang:1.22 AS build
#       ...
#       COPY --from=build /out/app /app
package shipcheck.dockerfile.invalid_stage_reference

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": df.path(s, k)} if {
	some [s, k, ins] in df.instructions
	is_object(ins.copyFrom)
	problem := copy_problem(s, ins.copyFrom)
	msg := sprintf("COPY --from=%s on line %d %s", [ins.copyFrom.value, ins.line, problem])
}

copy_problem(s, cf) := "copies from the stage it is in (circular dependency)" if cf.stage == s

# BuildKit builds stages in file order and stops at a copy from a later one
# ("cannot copy from stage ..., it needs to be defined before current stage").
copy_problem(s, cf) := msg if {
	is_number(cf.stage)
	cf.stage > s
	later := df.stages[cf.stage]
	msg := sprintf("copies from %s, which comes after this stage; BuildKit stops with \"it needs to be defined before current stage\": move that stage above this one", [df.stage_label(later)])
}

copy_problem(_, cf) := "uses a variable, which BuildKit does not expand in --from; define a stage FROM the ARG and copy from it" if {
	contains(cf.value, "$")
}

copy_problem(_, cf) := sprintf("names no stage: the file has %d", [count(df.stages)]) if {
	regex.match(`^[0-9]+$`, cf.value)
	cf.stage == null
}

copy_problem(_, cf) := sprintf("names no stage and will be pulled as an image; did you mean %q?", [cf.similar]) if {
	cf.stage == null
	cf.similar != ""
	not contains(cf.value, "$")
}

deny contains {"msg": msg, "path": ["stages", s]} if {
	some s, st in df.stages
	st.name != ""
	some t, earlier in df.stages
	t < s
	earlier.name == st.name
	msg := sprintf("stage name %q on line %d is already used on line %d; stage names must be unique", [st.name, st.line, earlier.line])
}
