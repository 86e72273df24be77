# METADATA
# title: ADD of a URL without --checksum
# description: |
#   ADD <url> downloads whatever the server returns at build time: a
#   compromised or changed upstream file goes into the image unnoticed, and
#   two builds of the same commit differ. --checksum=sha256:<hex> makes the
#   build fail when the content changes. A git repository URL (its path
#   ends in .git, as BuildKit decides) is reported only when it names no
#   ref: neither #<ref> nor a ?ref=, ?tag=, ?branch= or ?checksum= query.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#add---checksum
# custom:
#   id: DKR007
#   name: remote-add-without-checksum
#   severity: medium
#   kinds: [dockerfile]
#   tags: [supply-chain, dockerfile]
#   remediation: |
#     Pin the download's digest:
#       ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \
#         https://example.com/tool.tar.gz /tmp/
package shipcheck.dockerfile.remote_add_without_checksum

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": array.concat(df.path(s, k), ["args", i])} if {
	some [s, k, ins] in df.instructions
	ins.cmd == "add"
	not df.has_flag(ins, "checksum")
	some i, src in object.get(ins, "sources", array.slice(ins.args, 0, count(ins.args) - 1))
	regex.match(`(?i)^https?://`, src)
	not git_url(src)
	msg := sprintf("ADD downloads %s without --checksum; add --checksum=sha256:<digest> so a changed download fails the build", [src])
}

deny contains {"msg": msg, "path": array.concat(df.path(s, k), ["args", i])} if {
	some [s, k, ins] in df.instructions
	ins.cmd == "add"
	not df.has_flag(ins, "checksum")
	some i, src in object.get(ins, "sources", array.slice(ins.args, 0, count(ins.args) - 1))
	regex.match(`(?i)^https?://`, src)
	git_url(src)
	not git_ref(src)
	msg := sprintf("ADD clones %s at whatever its default branch holds; pin a tag or commit with #<ref>, or add --checksum=<commit>", [src])
}

# Git sources (https://host/repo.git#ref) are pinned with a ref instead
# of a sha256 digest. git_url holds for a URL BuildKit clones: its path, before any ?query or
# #fragment, ends in .git.
git_url(src) if regex.match(`(?i)^[^?#]*\.git/?([?#]|$)`, src)

# git_ref holds when the URL names what to check out.
git_ref(src) if contains(src, "#")

git_ref(src) if regex.match(`(?i)\?([^#]*&)?(ref|tag|branch|checksum)=`, src)
