# METADATA
# title: TLS or signature verification disabled
# description: |
#   Turning off certificate or package-signature checks lets anyone on the
#   network path (a proxy, a hijacked DNS entry, a hostile Wi-Fi) serve
#   modified packages and scripts into the image. Reported: curl -k or
#   --insecure, wget --no-check-certificate, pip --trusted-host (and pip
#   config set global.trusted-host), apk
#   --allow-untrusted, apt-get --allow-unauthenticated (or
#   --allow-insecure-repositories, -o Acquire::https::Verify-Peer=false),
#   yum/dnf --nogpgcheck (or --setopt=sslverify=0, --setopt=gpgcheck=0),
#   rpm --nosignature, sslverify=0 or gpgcheck=0, wgetrc check_certificate = off, an apt
#   Verify-Peer "false", pip.conf trusted-host, .npmrc strict-ssl=false,
#   .condarc ssl_verify: false or .curlrc insecure written to configuration by
#   echo/printf/sed/tee or a here-document (COPY <<EOF, cat <<EOF > file),
#   git http.sslVerify=false,
#   npm/yarn strict-ssl false, conda config --set ssl_verify false, and
#   ENV, export or command-prefix NODE_TLS_REJECT_UNAUTHORIZED=0, GIT_SSL_NO_VERIFY,
#   PYTHONHTTPSVERIFY=0, PIP_TRUSTED_HOST, NPM_CONFIG_STRICT_SSL=false,
#   CONDA_SSL_VERIFY=false, GOINSECURE.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/
#   - ref: https://curl.se/docs/sslcerts.html
# custom:
#   id: DKR010
#   name: tls-verification-disabled
#   severity: high
#   kinds: [dockerfile]
#   tags: [security, supply-chain, dockerfile]
#   remediation: |
#     Keep verification on and install the CA certificate you need instead:
#       COPY corp-ca.crt /usr/local/share/ca-certificates/
#       RUN update-ca-certificates
package shipcheck.dockerfile.tls_verification_disabled

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": array.concat(df.command_path(s, k, c), ["argv", i])} if {
	some [s, k, c, i, what] in flagged
	cmd := df.stages[s].instructions[k].run.commands[c]
	msg := sprintf("%s on line %d disables verification (%s); remove it and trust the right CA or key instead", [cmd.name, cmd.line, what])
}

deny contains {"msg": msg, "path": array.concat(df.path(s, k), ["heredocs", i, "lines", j])} if {
	some [s, k, i, j, setting] in written
	ins := df.stages[s].instructions[k]
	line := ins.heredocs[i].line + j
	msg := sprintf("%s on line %d writes %s (line %d) into a configuration file, which turns verification off; remove it and trust the right CA or key instead", [upper(ins.cmd), ins.line, setting, line])
}

deny contains {"msg": msg, "path": df.command_path(s, k, c)} if {
	some [s, k, c, cmd] in df.commands
	some a in cmd.assigns
	insecure_env(a.name, a.value)
	msg := sprintf("%s=%s on line %d disables TLS verification; remove it and trust the right CA instead", [a.name, a.value, cmd.line])
}

deny contains {"msg": msg, "path": array.concat(df.path(s, k), ["env", e])} if {
	some [s, k, ins] in df.instructions
	ins.cmd == "env"
	some e, kv in ins.env
	insecure_env(kv.name, kv.value)
	msg := sprintf("ENV %s=%s disables TLS verification for every later step and at run time; remove it and trust the right CA instead", [kv.name, kv.value])
}

# flagged yields [stage, instruction, command, argument index, what] for
# every option that turns verification off.
flagged contains [s, k, c, i, "-k/--insecure"] if {
	some [s, k, c, cmd] in df.commands
	cmd.name == "curl"
	some i, a in cmd.argv
	i > 0
	short_or_long(a, "k", "--insecure")
}

flagged contains [s, k, c, i, "--no-check-certificate"] if {
	some [s, k, c, cmd] in df.commands
	cmd.name == "wget"
	some i, a in cmd.argv
	startswith(a, "--no-check-cert") # wget takes any unambiguous prefix
	startswith("--no-check-certificate", a)
}

flagged contains [s, k, c, i, "--trusted-host"] if {
	some [s, k, c, cmd] in df.commands
	pip(cmd)
	some i, a in cmd.argv
	df.option_matches(a, "--trusted-host")
}

# pip config set global.trusted-host (or install.trusted-host) writes
# --trusted-host into pip.conf for every later pip run.
flagged contains [s, k, c, i, a] if {
	some [s, k, c, cmd] in df.commands
	pip(cmd)
	"config" in cmd.argv
	some i, a in cmd.argv
	regex.match(`(?i)^[a-z]+\.trusted-host$`, a)
}

# pip(cmd) holds for pip, pip3, and python -m pip (listed as a pip command).
pip(cmd) if regex.match(`^pip[0-9.]*$`, cmd.name)

flagged contains [s, k, c, i, "--allow-untrusted"] if {
	some [s, k, c, cmd] in df.commands
	cmd.name == "apk"
	some i, a in cmd.argv
	a == "--allow-untrusted"
}

flagged contains [s, k, c, i, a] if {
	some [s, k, c, cmd] in df.commands
	cmd.name in {"apt-get", "apt", "aptitude"}
	some i, a in cmd.argv
	a in {"--allow-unauthenticated", "--force-yes"}
}

flagged contains [s, k, c, i, "AllowUnauthenticated"] if {
	some [s, k, c, cmd] in df.commands
	cmd.name in {"apt-get", "apt"}
	some i, a in cmd.argv
	regex.match(`(?i)AllowUnauthenticated=(true|1|yes)`, a)
}

flagged contains [s, k, c, i, a] if {
	some [s, k, c, cmd] in df.commands
	cmd.name in {"yum", "dnf", "microdnf", "tdnf", "zypper"}
	some i, a in cmd.argv
	a in {"--nogpgcheck", "--no-gpg-checks"}
}

flagged contains [s, k, c, i, "--nosignature"] if {
	some [s, k, c, cmd] in df.commands
	cmd.name == "rpm"
	some i, a in cmd.argv
	a == "--nosignature"
}

# --setopt=sslverify=0 and --setopt=gpgcheck=0 (also per repository,
# <repo>.gpgcheck=0) are the long spellings of turning the checks off.
flagged contains [s, k, c, i, a] if {
	some [s, k, c, cmd] in df.commands
	yum_family(cmd)
	some i, a in cmd.argv
	regex.match(`(?i)^(--setopt=)?([^=\s]+\.)?(sslverify|gpgcheck|repo_gpgcheck)=(0|false|no|off)$`, a)
	setopt(cmd.argv, i, a)
}

yum_family(cmd) if cmd.name in {"yum", "dnf", "microdnf", "tdnf", "yum-config-manager"}

setopt(_, _, a) if startswith(lower(a), "--setopt=")

setopt(argv, i, _) if argv[i - 1] == "--setopt"

flagged contains [s, k, c, i, a] if {
	some [s, k, c, cmd] in df.commands
	cmd.name in {"apt-get", "apt", "aptitude"}
	some i, a in cmd.argv
	insecure_apt_option(a)
}

flagged contains [s, k, c, i, "--allow-insecure-repositories"] if {
	some [s, k, c, cmd] in df.commands
	cmd.name in {"apt-get", "apt"}
	some i, a in cmd.argv
	a == "--allow-insecure-repositories"
}

# Configuration written by the build (echo ... > /etc/apt/apt.conf.d/x,
# echo sslverify=false >> /etc/yum.conf) turns verification off for every
# later step, like the command-line option.
flagged contains [s, k, c, i, sprintf("writes %s", [setting])] if {
	some [s, k, c, cmd] in df.commands
	cmd.name in {"echo", "printf", "sed", "tee"}
	some i, a in cmd.argv
	i > 0
	text := written_text(cmd, a)
	matches := [m |
		some re in insecure_config
		some m in regex.find_n(re, text, 1)
	]
	count(matches) > 0
	setting := trim_space(replace(matches[0], "\\n", ""))
	not gpg_vouched(setting, a)
}

# written_text is what an argument writes: for a sed substitution
# (s/sslverify=1/sslverify=0/) its replacement, with a space in front as the
# settings' patterns want, so that s/sslverify=0/sslverify=1/ writes nothing
# insecure; anything else as it is.
written_text(cmd, a) := concat("", [" ", parts[2]]) if {
	cmd.name == "sed"
	some d in ["/", "|", "#", ",", "@", ":", "!"]
	startswith(a, concat("", ["s", d]))
	parts := split(a, d)
	count(parts) >= 3
} else := a

insecure_apt_option(a) if regex.match(`(?i)^(-o)?Acquire::https?(::[^:=]+)?::Verify-(Peer|Host)=(false|0|no)$`, a)

insecure_apt_option(a) if regex.match(`(?i)^(-o)?Acquire::AllowInsecureRepositories=(true|1|yes)$`, a)

insecure_config := [
	`(?i)Acquire::https?(::[^:\s]+)?::Verify-(Peer|Host)\s+"?(false|0|no)"?`,
	`(?i)(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)\s+"?(true|1|yes)"?`,
	`(?i)(^|\s|\\n)sslverify\s*=\s*(0|false|no)\b`,
	# a yum/dnf repository without package signature checks, as
	# --setopt=gpgcheck=0 (repo_gpgcheck=0 is the default: not matched)
	`(?i)(^|\s|\\n)gpgcheck\s*=\s*(0|false|no)\b`,
	`(?i)(^|\s|\\n)check_certificate\s*=\s*(0|false|no|off)\b`,
	# pip.conf trusted-host, .npmrc strict-ssl=false, .condarc ssl_verify: false
	`(?i)(^|\s|\\n)trusted-host\s*=\s*[A-Za-z0-9][^\s\\"']*`,
	`(?i)(^|\s|\\n)strict-ssl\s*=\s*false\b`,
	`(?i)(^|\s|\\n)ssl_verify\s*:\s*(false|no)\b`,
]

# written holds the lines of files written from here-documents (COPY <<EOF
# /etc/yum.repos.d/x.repo, RUN cat <<EOF > ...) that turn verification off.
written contains [s, k, i, j, trim_space(matches[0])] if {
	some [s, k, ins] in df.instructions
	count(ins.heredocs) > 0 # most have none: skip the regex in data_heredocs
	data_heredocs(ins)
	some i, h in ins.heredocs
	some j, line in split(h.content, "\n")
	matches := [m |
		some re in insecure_config
		some m in regex.find_n(re, line, 1)
	]
	count(matches) > 0
	not gpg_vouched(matches[0], h.content)
}

# gpg_vouched holds for gpgcheck=0 in a repository that signs its metadata
# (repo_gpgcheck=1, as NVIDIA's repository files have): the signed metadata
# carries each package's checksum, so packages are still verified.
gpg_vouched(setting, text) if {
	contains(lower(setting), "gpgcheck")
	regex.match(`(?i)repo_gpgcheck\s*=\s*(1|true|yes)`, text)
}

written contains [s, k, i, j, "insecure"] if {
	some [s, k, ins] in df.instructions
	count(ins.heredocs) > 0 # most have none: skip the regex in data_heredocs
	data_heredocs(ins)
	contains(concat(" ", ins.args), "curlrc")
	some i, h in ins.heredocs
	some j, line in split(h.content, "\n")
	regex.match(`^\s*(-{0,2}insecure|-k)\s*$`, line)
}

# data_heredocs holds for instructions whose here-documents are file
# contents rather than scripts: COPY and ADD, and a RUN that feeds them to
# cat or tee.
data_heredocs(ins) if ins.cmd in {"copy", "add"}

data_heredocs(ins) if {
	ins.cmd == "run"
	count(ins.args) == 1
	not startswith(trim_space(ins.args[0]), "<<")
	regex.match(`(^|[\s;&|(])(cat|tee)(\s|$)`, ins.args[0])
}

# "insecure" (or -k) written to a .curlrc makes every later curl skip
# certificate checks.
flagged contains [s, k, c, i, "writes insecure to .curlrc"] if {
	some [s, k, c, cmd] in df.commands
	cmd.name in {"echo", "printf", "tee"}
	contains(df.stages[s].instructions[k].run.script, "curlrc")
	some i, a in cmd.argv
	i > 0
	regex.match(`^\s*(-{0,2}insecure|-k)\s*(\\n)?$`, a)
}

flagged contains [s, k, c, i, "http.sslVerify=false"] if {
	some [s, k, c, cmd] in df.commands
	cmd.name == "git"
	some i, a in cmd.argv
	regex.match(`(?i)^http\.(\S+\.)?sslverify(=false)?$`, a) # also per URL: http.https://host/.sslVerify
	false_after(cmd.argv, i, a)
}

flagged contains [s, k, c, i, "strict-ssl false"] if {
	some [s, k, c, cmd] in df.commands
	cmd.name in {"npm", "yarn", "pnpm"}
	some i, a in cmd.argv
	lower(a) in {"strict-ssl", "strict-ssl=false"}
	false_after(cmd.argv, i, a)
}

# The same setting as a command-line option: npm ci --strict-ssl=false,
# --no-strict-ssl.
flagged contains [s, k, c, i, a] if {
	some [s, k, c, cmd] in df.commands
	cmd.name in {"npm", "npx", "yarn", "pnpm"}
	some i, a in cmd.argv
	lower(a) in {"--strict-ssl=false", "--no-strict-ssl"}
}

# conda config --set ssl_verify false (micromamba config set ssl_verify
# false) writes the setting to .condarc for every later conda run.
flagged contains [s, k, c, i, "ssl_verify false"] if {
	some [s, k, c, cmd] in df.commands
	cmd.name in {"conda", "mamba", "micromamba"}
	"config" in cmd.argv
	some i, a in cmd.argv
	lower(a) == "ssl_verify"
	lower(cmd.argv[i + 1]) in {"false", "no", "0", "off"}
}

short_or_long(a, short, _) if {
	regex.match(`^-[A-Za-z0-9]+$`, a)
	contains(a, short)
}

short_or_long(a, _, long) if a == long

false_after(_, _, a) if endswith(lower(a), "=false")

false_after(argv, i, _) if lower(argv[i + 1]) == "false"

insecure_env("NODE_TLS_REJECT_UNAUTHORIZED", "0")

insecure_env("PYTHONHTTPSVERIFY", "0")

insecure_env("GIT_SSL_NO_VERIFY", v) if not lower(v) in {"", "0", "false", "no"}

insecure_env("PIP_TRUSTED_HOST", v) if v != ""

insecure_env("NPM_CONFIG_STRICT_SSL", v) if lower(v) == "false"

# conda and micromamba read their settings from CONDA_* and MAMBA_*.
insecure_env(name, v) if {
	name in {"CONDA_SSL_VERIFY", "MAMBA_SSL_VERIFY"}
	lower(v) in {"false", "no", "0", "off"}
}

# GOINSECURE lists module paths that go fetches without certificate checks
# (and over plain HTTP).
insecure_env("GOINSECURE", v) if v != ""
