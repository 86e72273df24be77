# METADATA
# title: Secret in ENV or ARG
# description: |
#   ENV values are stored in the image configuration and ARG values in the
#   build history: anyone who can pull the image reads them with docker
#   inspect or docker history, and the Dockerfile in version control holds
#   them too. Checked: ENV and ARG of the final stage and the stages it is
#   built on (with global ARGs they re-declare), per the secret tiers — a
#   credential-shaped value (high, critical for private keys and cloud
#   credentials) or a secret-looking name with a literal value (medium). A
#   credential-shaped value is reported in any stage, since it is committed
#   with the file. An ARG with a secret-looking name and no default is
#   reported low: build arguments are visible in the image history; use a
#   secret mount instead.
# related_resources:
#   - ref: https://docs.docker.com/build/building/secrets/
#   - ref: https://docs.docker.com/reference/dockerfile/#arg
# custom:
#   id: DKR002
#   name: secret-in-env-or-arg
#   severity: high
#   kinds: [dockerfile]
#   tags: [security, secrets, dockerfile]
#   remediation: |
#     Pass secrets at build time with a secret mount, and at run time through
#     the orchestrator's secret store:
#       RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
#     build with: docker build --secret id=npm_token,env=NPM_TOKEN .
package shipcheck.dockerfile.secret_in_env_or_arg

import data.shipcheck.lib.dockerfile as df

# entries are the ENV and ARG values written in the file, with whether they
# reach the final image's stages.
entries contains {"path": p, "name": kv.name, "value": kv.raw, "what": "ENV", "chain": s in df.chain} if {
	some [s, k, ins] in df.instructions
	ins.cmd == "env"
	some e, kv in ins.env
	p := array.concat(df.path(s, k), ["env", e])
}

entries contains {"path": p, "name": a.name, "value": a["default"], "what": "ARG", "chain": s in df.chain} if {
	some [s, k, ins] in df.instructions
	ins.cmd == "arg"
	some e, a in ins.arg
	a.hasDefault
	p := array.concat(df.path(s, k), ["arg", e])
}

entries contains {"path": ["args", g], "name": a.name, "value": a["default"], "what": "global ARG", "chain": in_chain} if {
	some g, a in input.spec.args
	a.hasDefault
	in_chain := redeclared_in_chain(a.name)
}

# redeclared_in_chain is true or false, never undefined: an undefined value
# would drop the whole entry, and with it a credential in a global ARG that
# no stage re-declares.
redeclared_in_chain(name) := true if redeclared(name)

redeclared_in_chain(name) := false if not redeclared(name)

redeclared(name) if {
	some s in df.chain
	some a in df.stages[s].args
	a.name == name
	not a.hasDefault
}

deny contains {"msg": msg, "path": e.path, "severity": r.severity} if {
	some e in entries
	r := shipcheck.secret.classify(e.name, e.value)
	reportable(e, r)
	msg := sprintf("%s %s looks like a secret: %s (%s); pass it with a build secret mount or at run time instead of baking it into the image", [e.what, e.name, r.reason, r.masked])
}

# A name-only match needs a literal value in a stage of the final image.
reportable(e, r) if {
	r.severity != "medium"
}

reportable(e, r) if {
	r.severity == "medium"
	e.chain
	not df.unresolved(e.value)
}

deny contains {"msg": msg, "path": p, "severity": "low"} if {
	some s in df.chain
	some k, ins in df.stages[s].instructions
	ins.cmd == "arg"
	some e, a in ins.arg
	no_value(a)
	secret_name(a.name)
	p := array.concat(df.path(s, k), ["arg", e])
	msg := sprintf("ARG %s looks like a secret: build arguments are recorded in the image history; use RUN --mount=type=secret instead", [a.name])
}

# no_value holds for an ARG whose value is passed at build time: no
# default here or in the global scope, or an empty one.
no_value(a) if not a.known

no_value(a) if a.value == ""

# secret_name asks the classifier about the name alone: a plain literal
# value is never credential-shaped, so only the name tier can match.
secret_name(name) if shipcheck.secret.classify(name, "literal-value-for-name-check")
