# METADATA
# title: Final stage without USER
# description: |
#   Without a USER instruction the container runs as the base image's
#   default user, which is root for almost every image: a container escape
#   or a write to a mounted path then happens with root's rights. The final
#   stage inherits USER from the stages it is built FROM. Base images that
#   run as non-root by default pass: a name or tag containing "nonroot"
#   (gcr.io/distroless/static:nonroot) or "unprivileged"
#   (nginxinc/nginx-unprivileged), Chainguard and Bitnami images.
#   Windows base images are skipped (their users are ContainerUser and
#   ContainerAdministrator): servercore, nanoserver and .NET Framework
#   images, whatever the tag says (lts-nanoserver-ltsc2022,
#   4.8-windowsservercore-ltsc2019). A base image left unresolved (an ARG
#   without a default, or FROM base-${TARGETARCH}, which may name an
#   earlier stage that sets USER) is not reported, nor is a final stage FROM
#   scratch without CMD or ENTRYPOINT, which only exports files.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#user
#   - ref: https://docs.docker.com/build/building/best-practices/#user
# custom:
#   id: DKR005
#   name: missing-user
#   severity: medium
#   kinds: [dockerfile]
#   tags: [security, dockerfile]
#   remediation: |
#     Add a USER to the final stage:
#       RUN adduser -D -u 10001 app
#       USER 10001
package shipcheck.dockerfile.missing_user

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": ["stages", df.final_index]} if {
	df.final.user == null
	not df.artifact_only
	not df.root_unknown
	not df.final.from.windows
	base := df.root_image
	not nonroot_base(base)
	not startswith(base, "$")
	msg := sprintf("the final %s has no USER, so it runs as %s; add USER with an unprivileged user", [df.stage_label(df.final), default_user(base)])
}

default_user(base) := "root (scratch has no users)" if base == "scratch"

default_user(base) := sprintf("the default user of %q, root unless that image sets USER", [base]) if base != "scratch"

nonroot_base(image) if contains(lower(image), "nonroot")

nonroot_base(image) if contains(lower(image), "unprivileged")

nonroot_base(image) if contains(lower(image), "cgr.dev/chainguard/")

nonroot_base(image) if startswith(lower(image), "bitnami/")

nonroot_base(image) if regex.match(`(?i)(^|/)(windows|nanoserver|servercore)([:/@]|$)|mcr\.microsoft\.com/windows`, image)
