# METADATA
# title: Downloaded script piped into a shell
# description: |
#   curl ... | sh runs whatever the server sends, unverified, as the build
#   user (often root): a compromised host, DNS or a partial download ends up
#   executed and baked into the image. Reported: curl or wget output piped
#   into sh, bash, python, perl, ruby, node and other interpreters reading
#   stdin (bash -s, python -, bash /dev/stdin), and downloads run through sh -c "$(curl ...)", bash <(curl ...) or
#   eval. Not reported when the same RUN verifies a download (sha256sum -c,
#   gpg --verify, cosign verify). A python -c that parses downloaded JSON is
#   not running the download.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#using-pipes
#   - ref: https://docs.docker.com/reference/dockerfile/#run
# custom:
#   id: DKR008
#   name: pipe-to-shell
#   severity: high
#   kinds: [dockerfile]
#   tags: [security, supply-chain, dockerfile]
#   remediation: |
#     Download to a file, verify its checksum, then run it:
#       RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \
#        && echo "<sha256>  /tmp/install.sh" | sha256sum -c - \
#        && sh /tmp/install.sh
package shipcheck.dockerfile.pipe_to_shell

import data.shipcheck.lib.dockerfile as df

downloaders := {"curl", "wget"}

shells := {"sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "fish", "busybox"}

interpreters := shells | {"python", "python2", "python3", "perl", "ruby", "node", "php", "pwsh", "powershell"}

deny contains {"msg": msg, "path": df.command_path(s, k, c)} if {
	some [s, k, run] in df.runs
	some p in run.pipelines
	some c in p.commands
	dl := run.commands[c]
	dl.name in downloaders
	not verified(run) # after the download is found: most RUNs have none
	some j in p.commands
	sh := run.commands[j]
	sh.position > dl.position
	runs_stdin(sh)
	msg := sprintf("RUN pipes %s output into %s on line %d, running an unverified download; save it to a file and check its checksum first", [dl.name, sh.name, dl.line])
}

deny contains {"msg": msg, "path": df.command_path(s, k, c)} if {
	some [s, k, run] in df.runs
	some c, dl in run.commands
	dl.name in downloaders
	not verified(run)
	dl["in"] >= 0
	outer := run.commands[dl["in"]]
	outer.name in (shells | {"eval", "source", "."})
	msg := sprintf("RUN runs %s output through %s on line %d, an unverified download; save it to a file and check its checksum first", [dl.name, outer.name, dl.line])
}

# runs_stdin holds when an interpreter executes what it reads on stdin: no
# code option (-c, -e) and no script file operand, or an explicit "-"/-s.
runs_stdin(cmd) if {
	cmd.name in interpreters
	not code_option(cmd)
	args := array.slice(cmd.argv, 1, count(cmd.argv))
	operands := [a | some a in args; not startswith(a, "-")]
	stdin_operands(args, operands)
}

stdin_operands(_, operands) if count(operands) == 0

stdin_operands(args, _) if "-" in args

stdin_operands(args, _) if "-s" in args

# bash /dev/stdin -b: the script operand is standard input itself.
stdin_operands(_, operands) if operands[0] in {"/dev/stdin", "/proc/self/fd/0", "/dev/fd/0"}

code_option(cmd) if {
	cmd.name in shells
	df.has_option(cmd.argv, "c", "--command")
}

code_option(cmd) if {
	not cmd.name in shells
	some a in cmd.argv
	a in {"-c", "-e", "-E", "-r", "-m", "-p", "--eval", "--print", "-Command", "-command", "-File", "-file"}
}

verified(run) if {
	some cmd in run.commands
	regex.match(`^(sha(1|224|256|384|512)sum|shasum|md5sum|b2sum)$`, cmd.name)
	df.has_option(cmd.argv, "c", "--check")
}

verified(run) if {
	some cmd in run.commands
	cmd.name in {"gpg", "gpg2"}
	some a in cmd.argv
	a in {"--verify", "--verify-files"}
}

verified(run) if {
	some cmd in run.commands
	cmd.name == "gpgv"
}

verified(run) if {
	some cmd in run.commands
	cmd.name == "cosign"
	startswith(cmd.sub, "verify")
}
