# METADATA
# title: Base image with a mutable tag
# description: |
#   FROM with ":latest" or without a tag pulls whatever the tag points at on
#   the day of the build: two builds of the same commit get different base
#   images, a rebuild silently picks up breaking changes, and a rollback
#   does not restore the old base. ARG defaults are resolved as BuildKit
#   does; scratch, stage aliases and references that stay unresolved
#   (an ARG without a default) are not reported. A digest always passes.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#from
#   - ref: https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
# custom:
#   id: DKR003
#   name: mutable-base-image
#   severity: medium
#   kinds: [dockerfile]
#   tags: [reproducibility, supply-chain, dockerfile]
#   remediation: |
#     Pin a version tag, ideally with its digest:
#       FROM node:20.11-bookworm-slim@sha256:<digest>
package shipcheck.dockerfile.mutable_base_image

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": ["stages", s]} if {
	some s, st in df.stages
	st.from.stage == null
	not st.from.scratch
	st.from.image != ""
	ref := shipcheck.image.parse(st.from.image)
	ref.mutable
	msg := sprintf("%s: base image %q%s %s; pin a version tag or a digest", [df.stage_label(st), st.from.image, resolved_from(st), ref.reason])
}

resolved_from(st) := sprintf(" (from %q)", [st.from.raw]) if st.from.raw != st.from.image

resolved_from(st) := "" if st.from.raw == st.from.image
