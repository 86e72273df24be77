# METADATA
# title: MAINTAINER is deprecated
# description: |
#   MAINTAINER is deprecated and only sets an image field that tools no
#   longer read; a LABEL is visible to docker inspect and registries.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#maintainer-deprecated
# custom:
#   id: DKR019
#   name: maintainer-deprecated
#   severity: info
#   kinds: [dockerfile]
#   tags: [maintainability, dockerfile]
#   remediation: |
#     LABEL org.opencontainers.image.authors="team@example.com"
package shipcheck.dockerfile.maintainer_deprecated

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": df.path(s, k)} if {
	some [s, k, ins] in df.instructions
	ins.cmd == "maintainer"
	msg := sprintf("MAINTAINER on line %d is deprecated; use LABEL org.opencontainers.image.authors instead", [ins.line])
}
