# METADATA
# title: ADD used to copy local files
# description: |
#   ADD does more than copy: it unpacks local tar archives and downloads
#   URLs. Used for plain local files it hides that behavior from readers,
#   and a file later replaced by an archive gets unpacked by surprise. COPY
#   states the intent. ADD of archives (to extract them), URLs and git
#   sources is not reported; neither are sources held in variables.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#add
#   - ref: https://docs.docker.com/build/building/best-practices/#add-or-copy
# custom:
#   id: DKR006
#   name: add-instead-of-copy
#   severity: low
#   kinds: [dockerfile]
#   tags: [maintainability, dockerfile]
#   remediation: |
#     Use COPY for local files and directories:
#       COPY --chown=app:app ./config /etc/app/
package shipcheck.dockerfile.add_instead_of_copy

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": df.path(s, k)} if {
	some [s, k, ins] in df.instructions
	ins.cmd == "add"
	count(ins.args) >= 2
	sources := object.get(ins, "sources", array.slice(ins.args, 0, count(ins.args) - 1))
	every src in sources {
		plain_local(src)
	}
	msg := sprintf("ADD on line %d copies local files; use COPY, which does not unpack archives or fetch URLs", [ins.line])
}

plain_local(src) if {
	not regex.match(`^[a-zA-Z][a-zA-Z0-9+.-]*://|^git@|^<<`, src)
	not contains(src, "$")
	not regex.match(`(?i)\.(tar|tgz|tbz2?|txz|tzst|tlz|gz|bz2|xz|zst|lz|lzma|z)$`, src)
}
