# METADATA
# title: Pipe without pipefail
# description: |
#   /bin/sh -c returns the exit status of the last command of a pipeline:
#   in "curl -fsSL url | tar xz" a failed download still "succeeds", and the
#   build goes on with a broken or empty install. Reported for RUNs with a
#   pipe when neither a SHELL with -o pipefail (in the stage or the stage it
#   is built FROM) nor "set -o pipefail" in the RUN applies. Non-POSIX
#   shells (PowerShell, cmd) are skipped.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#using-pipes
#   - ref: https://docs.docker.com/reference/dockerfile/#shell
# custom:
#   id: DKR020
#   name: pipe-without-pipefail
#   severity: low
#   kinds: [dockerfile]
#   tags: [reliability, dockerfile]
#   remediation: |
#     SHELL ["/bin/bash", "-o", "pipefail", "-c"]
#     RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
package shipcheck.dockerfile.pipe_without_pipefail

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": array.concat(df.path(s, k), ["run", "pipelines", p])} if {
	some [s, k, run] in df.runs
	run.posix
	not run.pipefail
	p := min({i | some i, pl in run.pipelines; real_pipe(run, pl)})
	ins := df.stages[s].instructions[k]
	msg := sprintf("RUN on line %d uses a pipe%s without pipefail, so a failure before the last command is ignored; add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] or set -o pipefail", [ins.line, pipe_line(ins, run.pipelines[p])])
}

# pipe_line names the pipe's own line when the RUN spans several lines.
pipe_line(ins, pl) := "" if pl.line == ins.line

pipe_line(ins, pl) := sprintf(" (line %d)", [pl.line]) if pl.line != ins.line

real_pipe(run, pl) if {
	not pl.nested
	positions := {run.commands[c].position | some c in pl.commands}
	count(positions) >= 2
}
