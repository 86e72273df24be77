# METADATA
# title: Final stage without USER
# description: |
#   Without a USER instruction the container runs as the base image's
#   default user, which is root for almost every image: a container escape
#   or a write to a mounted path then happens with root's rights. The final
#   stage inherits USER from the stages it is built FROM. Base images that
#   run as non-root by default pass: a name or tag containing "nonroot"
#   (gcr.io/distroless/static:nonroot) or "unprivileged"
#   (nginxinc/nginx-unprivileged), Chainguard and Bitnami images, and so
#   does a start command (ENTRYPOINT, else CMD) that runs the process through
#   gosu or su-exec with a non-root user, optionally after tini or dumb-init
#   (also ENTRYPOINT ["tini", "--"] with CMD ["gosu", "app", ...]).
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
	not drops_root
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

# drops_root holds when the container's start command (the effective
# ENTRYPOINT, else CMD) runs the process through gosu or su-exec with a
# non-root user, after an optional init such as tini: the pattern of the
# official images, which start as root only to drop to that user.
drops_root if {
	argv := start_argv
	rest := array.slice(argv, init_len(argv), count(argv))
	regex.match(`^(.*/)?(gosu|su-exec)$`, rest[0])
	user := rest[1]
	not df.root_user(user)
	not df.unresolved(user)
}

# start_argv is the argv of the last ENTRYPOINT in the final stage and the
# stages it is built on, else of the last CMD. An exec-form ENTRYPOINT that
# is only an init (ENTRYPOINT ["tini", "--"]) runs the CMD as its
# arguments, so the CMD continues it: a CMD of the same stage or a later
# one, since an ENTRYPOINT resets the CMD of the stages below it.
start_argv := array.concat(argv(ep), argv(cmd)) if {
	ep := last_of("entrypoint")
	init_only(ep)
	cmd := last_of("cmd")
	cmd.stage >= ep.stage
	cmd.json
} else := argv(last_of("entrypoint"))

start_argv := argv(last_of("cmd")) if not last_of("entrypoint")

# init_only holds for an exec-form init given no program: only options
# (["tini"], ["tini", "-g", "--"], ["dumb-init", "--"]).
init_only(ins) if {
	ins.json
	count(ins.args) > 0
	init(ins.args[0])
	every a in array.slice(ins.args, 1, count(ins.args)) {
		startswith(a, "-")
	}
}

last_of(cmd) := found[count(found) - 1][2] if {
	found := sort([[s, k, ins] |
		some s in df.chain
		some k, ins in df.stages[s].instructions
		ins.cmd == cmd
	])
	count(found) > 0
}

argv(ins) := ins.args if ins.json

argv(ins) := regex.split(`\s+`, trim_space(ins.args[0])) if {
	not ins.json
	count(ins.args) == 1
}

# init_len is how many words an init wrapper in front of the command takes
# (tini --, tini -s --, dumb-init --): 0 without one.
init_len(argv) := 0 if not init(argv[0])

init_len(argv) := n + 1 if {
	init(argv[0])
	n := min([i | some i, a in argv; a == "--"])
	every a in array.slice(argv, 1, n) {
		startswith(a, "-")
	}
} else := n if {
	init(argv[0])
	n := min([i | some i, a in argv; i > 0; not startswith(a, "-")])
}

init(word) if regex.match(`^(.*/)?(tini|tini-static|dumb-init)$`, word)
