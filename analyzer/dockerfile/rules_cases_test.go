package dockerfile

// ruleCase is one Dockerfile and the lines where a rule must report (and,
// when sev is set, the severity of every finding). The same table drives
// TestRules (the real engine, end to end) and, with -update-rego, the
// generated Rego unit tests in rules/dockerfile/*_test.rego.
type ruleCase struct {
	rule  string
	name  string
	src   string
	lines []int
	sev   string
}

var ruleCases = []ruleCase{
	// DKR001 missing-healthcheck
	{"DKR001", "no_healthcheck", "FROM alpine:3.19\nCMD [\"app\"]\n", []int{1}, ""},
	{"DKR001", "healthcheck_none_passes", "FROM alpine:3.19\nHEALTHCHECK NONE\n", nil, ""},
	{"DKR001", "healthcheck_passes", "FROM alpine:3.19\nHEALTHCHECK CMD wget -qO- localhost:8080/health || exit 1\n", nil, ""},
	{"DKR001", "inherited_through_stage", "FROM alpine:3.19 AS base\nHEALTHCHECK CMD true\nFROM base\nCMD [\"app\"]\n", nil, ""},
	{"DKR001", "scratch_export_passes", "FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build /out /\n", nil, ""},
	{"DKR001", "scratch_with_entrypoint", "FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n", []int{2}, ""},
	{"DKR001", "only_final_stage_counts", "FROM alpine:3.19 AS build\nHEALTHCHECK CMD true\nFROM alpine:3.19\nCMD [\"app\"]\n", []int{3}, ""},

	// DKR002 secret-in-env-or-arg
	{"DKR002", "aws_key_in_env", "FROM alpine:3.19\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n", []int{2}, "critical"},
	{"DKR002", "name_tier_medium", "FROM alpine:3.19\nENV DB_PASSWORD=hunter2hunter2\n", []int{2}, "medium"},
	{"DKR002", "continuation_line", "FROM alpine:3.19\nENV APP_ENV=prod \\\n    API_TOKEN=s3cr3tvalue1234\n", []int{3}, "medium"},
	{"DKR002", "reference_passes", "FROM alpine:3.19\nARG DB_PASSWORD\nENV DB_PASSWORD=${DB_PASSWORD}\n", []int{2}, "low"},
	{"DKR002", "arg_no_default_low", "FROM alpine:3.19\nARG NPM_TOKEN\nRUN npm ci\n", []int{2}, "low"},
	{"DKR002", "arg_empty_default_low", "FROM alpine:3.19\nARG NPM_TOKEN=\"\"\n", []int{2}, "low"},
	{"DKR002", "arg_default_medium", "FROM alpine:3.19\nARG API_KEY=abcdef123456\n", []int{2}, "medium"},
	{"DKR002", "global_arg_redeclared", "ARG GITHUB_TOKEN=plainvalue99\nFROM alpine:3.19\nARG GITHUB_TOKEN\n", []int{1}, "medium"},
	{"DKR002", "global_arg_unused_credential_reported", "ARG GH_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\nFROM alpine:3.19\n", []int{1}, "high"},
	{"DKR002", "global_arg_unused_name_only_passes", "ARG GITHUB_TOKEN=plainvalue99\nFROM alpine:3.19\n", nil, ""},
	{"DKR002", "builder_stage_name_only_passes", "FROM golang:1.22 AS build\nENV DB_PASSWORD=hunter2hunter2\nFROM alpine:3.19\n", nil, ""},
	{"DKR002", "builder_stage_credential_reported", "FROM golang:1.22 AS build\nENV GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789\nFROM alpine:3.19\n", []int{2}, "high"},
	{"DKR002", "secret_file_suffix_passes", "FROM alpine:3.19\nENV DB_PASSWORD_FILE=/run/secrets/db\nARG TOKEN_TTL=3600\n", nil, ""},
	{"DKR002", "masked_in_message", "FROM alpine:3.19\nENV SECRET_KEY=abcdefghijklmnop\n", []int{2}, "medium"},

	// DKR003 mutable-base-image
	{"DKR003", "latest", "FROM node:latest\n", []int{1}, ""},
	{"DKR003", "untagged", "FROM ubuntu\n", []int{1}, ""},
	{"DKR003", "pinned_passes", "FROM node:20.11-alpine\n", nil, ""},
	{"DKR003", "digest_passes", "FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n", nil, ""},
	{"DKR003", "registry_port_no_tag", "FROM localhost:5000/app\n", []int{1}, ""},
	{"DKR003", "registry_port_tag_passes", "FROM localhost:5000/app:1.2\n", nil, ""},
	{"DKR003", "scratch_passes", "FROM scratch\nCOPY app /\n", nil, ""},
	{"DKR003", "stage_alias_passes", "FROM golang:1.22 AS build\nFROM build\n", nil, ""},
	{"DKR003", "arg_default_resolved", "ARG BASE=python\nFROM ${BASE}\n", []int{2}, ""},
	{"DKR003", "arg_tag_resolved_passes", "ARG TAG=3.12-slim\nFROM python:${TAG}\n", nil, ""},
	{"DKR003", "arg_without_default_unknown", "ARG TAG\nFROM python:${TAG}\n", nil, ""},
	{"DKR003", "undeclared_default_latest", "FROM node:${TAG:-latest}\n", []int{1}, ""},
	{"DKR003", "declared_without_default_unknown", "ARG TAG\nFROM node:${TAG:-latest}\n", nil, ""},
	{"DKR003", "undeclared_without_default_unknown", "FROM $BASE_IMAGE\n", nil, ""},
	{"DKR003", "platform_flag", "FROM --platform=$BUILDPLATFORM golang AS build\nFROM alpine:3.19\n", []int{1}, ""},

	// DKR004 root-user
	{"DKR004", "explicit_root", "FROM alpine:3.19\nUSER root\n", []int{2}, ""},
	{"DKR004", "uid_zero_with_group", "FROM alpine:3.19\nUSER 0:0\n", []int{2}, ""},
	{"DKR004", "root_then_app_passes", "FROM alpine:3.19\nUSER root\nRUN apk add curl\nUSER app\n", nil, ""},
	{"DKR004", "arg_resolved", "FROM alpine:3.19\nARG RUN_AS=root\nUSER ${RUN_AS}\n", []int{3}, ""},
	{"DKR004", "arg_unknown_passes", "FROM alpine:3.19\nARG RUN_AS\nUSER $RUN_AS\n", nil, ""},
	{"DKR004", "inherited_reported_at_from", "FROM alpine:3.19 AS base\nUSER root\nFROM base\nCMD [\"app\"]\n", []int{3}, ""},
	{"DKR004", "builder_root_passes", "FROM golang:1.22 AS build\nUSER root\nFROM alpine:3.19\nUSER 10001\n", nil, ""},

	// DKR005 missing-user
	{"DKR005", "no_user", "FROM alpine:3.19\nCMD [\"app\"]\n", []int{1}, ""},
	{"DKR005", "user_set_passes", "FROM alpine:3.19\nUSER app\n", nil, ""},
	{"DKR005", "distroless_nonroot_passes", "FROM golang:1.22 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n", nil, ""},
	{"DKR005", "inherited_user_passes", "FROM alpine:3.19 AS base\nUSER app\nFROM base\n", nil, ""},
	{"DKR005", "builder_user_does_not_count", "FROM alpine:3.19 AS build\nUSER app\nFROM alpine:3.19\n", []int{3}, ""},
	{"DKR005", "scratch_reported", "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n", []int{1}, ""},
	{"DKR005", "scratch_export_passes", "FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM scratch AS export\nCOPY --from=build /out /\n", nil, ""},
	{"DKR005", "unprivileged_passes", "FROM nginxinc/nginx-unprivileged:1.25-alpine\nCOPY site /usr/share/nginx/html\n", nil, ""},
	{"DKR005", "windows_skipped", "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n", nil, ""},

	// DKR006 add-instead-of-copy
	{"DKR006", "local_file", "FROM alpine:3.19\nADD app.conf /etc/app/\n", []int{2}, ""},
	{"DKR006", "archive_passes", "FROM alpine:3.19\nADD rootfs.tar.gz /\n", nil, ""},
	{"DKR006", "url_passes", "FROM alpine:3.19\nADD --checksum=sha256:abc https://example.com/a.txt /a\n", nil, ""},
	{"DKR006", "json_form", "FROM alpine:3.19\nADD [\"a b.txt\", \"/dst/\"]\n", []int{2}, ""},
	{"DKR006", "variable_passes", "FROM alpine:3.19\nADD ${FILE} /dst/\n", nil, ""},

	// DKR007 remote-add-without-checksum
	{"DKR007", "url", "FROM alpine:3.19\nADD https://example.com/tool.tar.gz /tmp/\n", []int{2}, ""},
	{"DKR007", "checksum_passes", "FROM alpine:3.19\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/\n", nil, ""},
	{"DKR007", "continuation", "FROM alpine:3.19\nADD --chown=app \\\n    https://example.com/a.txt /a\n", []int{3}, ""},
	{"DKR007", "git_with_ref_passes", "FROM alpine:3.19\nADD https://github.com/acme/lib.git#v1.2.3 /src\n", nil, ""},
	{"DKR007", "git_without_ref", "FROM alpine:3.19\nADD https://github.com/acme/lib.git /src\n", []int{2}, ""},
	{"DKR007", "local_passes", "FROM alpine:3.19\nADD a.tar /\n", nil, ""},

	// DKR008 pipe-to-shell
	{"DKR008", "dev_stdin_script", "FROM debian:12\nRUN curl -sSL https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh | bash /dev/stdin -b -p /opt/conda\n", []int{2}, ""},
	{"DKR008", "curl_sh", "FROM alpine:3.19\nRUN curl -fsSL https://get.example.com | sh\n", []int{2}, ""},
	{"DKR008", "across_continuation", "FROM debian:12\nRUN apt-get update && \\\n    curl -fsSL https://deb.nodesource.com/setup_20.x \\\n    | bash - && \\\n    apt-get install -y nodejs\n", []int{3}, ""},
	{"DKR008", "sudo_bash", "FROM debian:12\nRUN wget -qO- https://x.example/i.sh | sudo bash\n", []int{2}, ""},
	{"DKR008", "command_substitution", "FROM debian:12\nRUN sh -c \"$(curl -fsSL https://raw.example/install.sh)\"\n", []int{2}, ""},
	{"DKR008", "process_substitution", "FROM debian:12\nRUN bash <(curl -s https://x.example/i.sh)\n", []int{2}, ""},
	{"DKR008", "heredoc_body", "FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://x.example/i.sh | sh\nEOF\n", []int{4}, ""},
	{"DKR008", "verified_passes", "FROM debian:12\nRUN curl -fsSLo i.sh https://x/i.sh && echo \"abc  i.sh\" | sha256sum -c - && curl -fsSL https://x/i.sh | sh\n", nil, ""},
	{"DKR008", "pipe_to_tar_passes", "FROM debian:12\nRUN curl -fsSL https://x/t.tgz | tar -xz\n", nil, ""},
	{"DKR008", "python_c_json_passes", "FROM debian:12\nRUN curl -s https://api.x/v | python3 -c 'import sys,json; print(json.load(sys.stdin))'\n", nil, ""},
	{"DKR008", "sh_c_body", "FROM debian:12\nRUN sh -c 'curl -fsSL https://x/i.sh | sh'\n", []int{2}, ""},
	{"DKR008", "version_substitution_passes", "FROM debian:12\nRUN V=$(curl -s https://x/latest) && echo $V\n", nil, ""},

	// DKR009 sudo
	{"DKR009", "sudo_command", "FROM debian:12\nRUN sudo apt-get install -y curl\n", []int{2}, ""},
	{"DKR009", "installing_sudo_passes", "FROM debian:12\nRUN apt-get install -y sudo && echo 'app ALL=(ALL) NOPASSWD: ALL' >> /etc/sudoers\n", nil, ""},
	{"DKR009", "second_line", "FROM debian:12\nRUN apt-get update && \\\n    sudo -u app make install\n", []int{3}, ""},
	{"DKR009", "in_word_passes", "FROM debian:12\nRUN echo sudo && grep sudo /etc/group\n", nil, ""},

	// DKR010 tls-verification-disabled
	{"DKR010", "pip_config_trusted_host", "FROM python:3.12\nRUN pip config set global.index-url http://mirrors.aliyun.com/pypi/simple \\\n && pip config set install.trusted-host mirrors.aliyun.com\n", []int{3}, ""},
	{"DKR010", "pip_config_index_only_passes", "FROM python:3.12\nRUN pip config set global.index-url https://mirrors.aliyun.com/pypi/simple\n", nil, ""},
	{"DKR010", "curl_k", "FROM alpine:3.19\nRUN curl -fsSLk https://x/a -o a\n", []int{2}, ""},
	{"DKR010", "curl_insecure", "FROM alpine:3.19\nRUN curl --insecure https://x/a -o a\n", []int{2}, ""},
	{"DKR010", "wget", "FROM alpine:3.19\nRUN wget --no-check-certificate https://x/a\n", []int{2}, ""},
	{"DKR010", "pip_trusted_host", "FROM python:3.12\nRUN pip install --trusted-host pypi.org flask\n", []int{2}, ""},
	{"DKR010", "python_m_pip", "FROM python:3.12\nRUN python3 -m pip install --trusted-host=pypi.org flask\n", []int{2}, ""},
	{"DKR010", "apk_untrusted", "FROM alpine:3.19\nRUN apk add --allow-untrusted ./pkg.apk\n", []int{2}, ""},
	{"DKR010", "apt_unauthenticated", "FROM debian:12\nRUN apt-get install -y --allow-unauthenticated foo\n", []int{2}, ""},
	{"DKR010", "dnf_nogpgcheck", "FROM fedora:40\nRUN dnf install -y --nogpgcheck foo\n", []int{2}, ""},
	{"DKR010", "env_node", "FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n", []int{2}, ""},
	{"DKR010", "env_git", "FROM alpine:3.19\nENV GIT_SSL_NO_VERIFY=true\n", []int{2}, ""},
	{"DKR010", "env_python", "FROM python:3.12\nENV PYTHONHTTPSVERIFY=0\n", []int{2}, ""},
	{"DKR010", "prefix_assignment", "FROM node:20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n", []int{2}, ""},
	{"DKR010", "npm_strict_ssl", "FROM node:20\nRUN npm config set strict-ssl false && npm ci\n", []int{2}, ""},
	{"DKR010", "pip_trusted_host_env", "FROM python:3.12\nENV PIP_TRUSTED_HOST=pypi.internal\n", []int{2}, ""},
	{"DKR010", "two_options_two_findings", "FROM debian:12\nRUN apt-get install -y --allow-unauthenticated --force-yes foo\n", []int{2, 2}, ""},
	{"DKR010", "flag_on_continuation_line", "FROM alpine:3.19\nRUN curl -fsSL \\\n    --insecure https://x -o y\n", []int{3}, ""},
	{"DKR010", "curl_k_in_other_word_passes", "FROM alpine:3.19\nRUN curl -fsSL -o /tmp/kubectl https://x/kubectl\n", nil, ""},
	{"DKR010", "node_tls_1_passes", "FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n", nil, ""},

	// DKR011 apt-get-missing-yes
	{"DKR011", "no_yes", "FROM debian:12\nRUN apt-get update && apt-get install curl\n", []int{2}, ""},
	{"DKR011", "yes_passes", "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", nil, ""},
	{"DKR011", "combined_flags_pass", "FROM debian:12\nRUN apt-get install -qy curl && apt-get -qq install wget\n", nil, ""},
	{"DKR011", "assume_yes_passes", "FROM debian:12\nRUN apt-get --assume-yes install curl\n", nil, ""},
	{"DKR011", "continuation_line", "FROM debian:12\nRUN apt-get update \\\n && apt-get install \\\n    curl\n", []int{3}, ""},
	{"DKR011", "apt_conf_passes", "FROM debian:12\nRUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl\n", nil, ""},
	{"DKR011", "assume_yes_elsewhere_does_not_count", "FROM debian:12\nRUN apt-get --assume-yes install curl && apt-get install wget\n", []int{2}, ""},
	{"DKR011", "options_in_variable_pass", "FROM debian:12\nARG APT_OPTS=\"-y --no-install-recommends\"\nRUN apt-get update && apt-get install $APT_OPTS curl\n", nil, ""},
	{"DKR011", "apt_get_update_only_passes", "FROM debian:12\nRUN apt-get update && apt-get -y upgrade\n", nil, ""},

	// DKR012 apt-get-recommends
	{"DKR012", "recommends", "FROM debian:12\nRUN apt-get install -y curl\n", []int{2}, ""},
	{"DKR012", "env_bash_shell", "FROM debian:12\nSHELL [\"/usr/bin/env\", \"bash\", \"-c\"]\nRUN apt-get update; \\\n    DEBIAN_FRONTEND=noninteractive apt-get install -y curl\n", []int{4}, ""},
	{"DKR012", "no_recommends_passes", "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n", nil, ""},
	{"DKR012", "options_in_variable_pass", "FROM debian:12\nRUN apt-get install -y ${APT_OPTS} curl\n", nil, ""},
	{"DKR012", "apt_conf_passes", "FROM debian:12\nRUN echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/99norec\nRUN apt-get install -y curl\n", nil, ""},

	// DKR013 apt-lists-not-cleaned
	{"DKR013", "not_cleaned", "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n", []int{2}, ""},
	{"DKR013", "cleaned_passes", "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n", nil, ""},
	{"DKR013", "cache_mount_passes", "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n", nil, ""},
	{"DKR013", "lists_tmpfs_passes", "FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n", nil, ""},
	{"DKR013", "deb_cache_only_reported", "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    apt-get update && apt-get install -y curl\n", []int{2}, ""},
	{"DKR013", "distclean_passes", "FROM debian:13\nRUN apt-get update && apt-get install -y curl && apt-get distclean\n", nil, ""},
	{"DKR013", "builder_stage_passes", "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM alpine:3.19\n", nil, ""},
	{"DKR013", "ancestor_stage_reported", "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\n", []int{2}, ""},

	// DKR014 update-alone
	{"DKR014", "update_alone", "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n", []int{2}, ""},
	{"DKR014", "same_run_passes", "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", nil, ""},
	{"DKR014", "heredoc_bash_alone", "FROM debian:12\nRUN <<EOF bash\nset -e\napt-get update\nEOF\n", []int{4}, ""},
	{"DKR014", "sh_c_alone", "FROM debian:12\nRUN sh -c 'apt-get update'\n", []int{2}, ""},
	{"DKR014", "heredoc_bash_install_passes", "FROM debian:12\nRUN <<EOF bash\napt-get update\napt-get install -y curl\nEOF\n", nil, ""},
	{"DKR014", "piped_script_may_install_passes", "FROM debian:12\nRUN apt-get update && curl -fsSL https://x/i.sh | bash\n", nil, ""},
	{"DKR014", "apk_update_alone", "FROM alpine:3.19\nRUN apk update\n", []int{2}, ""},
	{"DKR014", "script_may_install_passes", "FROM debian:12\nRUN apt-get update && ./install-deps.sh\n", nil, ""},
	{"DKR014", "apk_update_add_passes", "FROM alpine:3.19\nRUN apk update && apk add curl\n", nil, ""},

	// DKR015 ssh-port-exposed
	{"DKR015", "arg_resolved", "FROM alpine:3.19\nARG SSH_PORT=22\nEXPOSE 8080 ${SSH_PORT}/tcp\n", []int{3}, ""},
	{"DKR015", "unknown_variable_passes", "FROM alpine:3.19\nARG PORT\nEXPOSE $PORT\n", nil, ""},
	{"DKR015", "expose_22", "FROM alpine:3.19\nEXPOSE 80 22\n", []int{2}, ""},
	{"DKR015", "expose_22_tcp", "FROM alpine:3.19\nEXPOSE 22/tcp\n", []int{2}, ""},
	{"DKR015", "range", "FROM alpine:3.19\nEXPOSE 20-25/tcp\n", []int{2}, ""},
	{"DKR015", "other_ports_pass", "FROM alpine:3.19\nEXPOSE 2222 8022 220\n", nil, ""},

	// DKR016 relative-workdir
	{"DKR016", "relative", "FROM alpine:3.19\nWORKDIR app\n", []int{2}, ""},
	{"DKR016", "absolute_passes", "FROM alpine:3.19\nWORKDIR /app\nWORKDIR \"/srv/app\"\n", nil, ""},
	{"DKR016", "variable_passes", "FROM alpine:3.19\nWORKDIR $HOME/app\n", nil, ""},
	{"DKR016", "windows_passes", "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n", nil, ""},

	// DKR017 multiple-cmd-or-entrypoint
	{"DKR017", "two_cmd", "FROM alpine:3.19\nCMD [\"a\"]\nCMD [\"b\"]\n", []int{3}, ""},
	{"DKR017", "cmd_and_entrypoint_pass", "FROM alpine:3.19\nENTRYPOINT [\"app\"]\nCMD [\"--help\"]\n", nil, ""},
	{"DKR017", "per_stage", "FROM alpine:3.19 AS a\nCMD [\"a\"]\nFROM alpine:3.19\nCMD [\"b\"]\n", nil, ""},
	{"DKR017", "three_entrypoints", "FROM alpine:3.19\nENTRYPOINT a\nENTRYPOINT b\nENTRYPOINT c\n", []int{3, 4}, ""},

	// DKR018 invalid-stage-reference
	{"DKR018", "self_reference", "FROM golang:1.22 AS build\nCOPY --from=build /a /b\n", []int{2}, ""},
	{"DKR018", "typo", "FROM golang:1.22 AS builder\nRUN go build -o /app\nFROM alpine:3.19\nCOPY --from=buidler /app /app\n", []int{4}, ""},
	{"DKR018", "image_passes", "FROM alpine:3.19\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\nCOPY --from=busybox /bin/sh /sh\n", nil, ""},
	{"DKR018", "index_out_of_range", "FROM golang:1.22\nFROM alpine:3.19\nCOPY --from=2 /a /a\n", []int{3}, ""},
	{"DKR018", "index_passes", "FROM golang:1.22\nFROM alpine:3.19\nCOPY --from=0 /a /a\n", nil, ""},
	{"DKR018", "variable", "ARG SRC=build\nFROM golang:1.22 AS build\nFROM alpine:3.19\nCOPY --from=${SRC} /a /a\n", []int{4}, ""},
	{"DKR018", "duplicate_names", "FROM golang:1.22 AS build\nFROM node:20 AS build\nFROM alpine:3.19\n", []int{2}, ""},
	{"DKR018", "case_insensitive_passes", "FROM golang:1.22 AS Build\nFROM alpine:3.19\nCOPY --from=build /a /a\n", nil, ""},

	// DKR019 maintainer-deprecated
	{"DKR019", "maintainer", "FROM alpine:3.19\nMAINTAINER Jane <jane@example.com>\n", []int{2}, ""},
	{"DKR019", "label_passes", "FROM alpine:3.19\nLABEL org.opencontainers.image.authors=jane@example.com\n", nil, ""},

	// DKR020 pipe-without-pipefail
	{"DKR020", "pipe", "FROM debian:12\nRUN curl -fsSL https://x/t.tgz | tar -xz\n", []int{2}, ""},
	{"DKR020", "shell_pipefail_passes", "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x/t.tgz | tar -xz\n", nil, ""},
	{"DKR020", "shell_combined_passes", "FROM debian:12\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x/t.tgz | tar -xz\n", nil, ""},
	{"DKR020", "set_pipefail_passes", "FROM debian:12\nRUN set -euxo pipefail; curl -fsSL https://x/t.tgz | tar -xz\n", nil, ""},
	{"DKR020", "shell_inherited", "FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN curl -fsSL https://x/t.tgz | tar -xz\n", nil, ""},
	{"DKR020", "shell_after_passes_not", "FROM debian:12\nRUN curl -fsSL https://x/t.tgz | tar -xz\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n", []int{2}, ""},
	{"DKR020", "or_is_not_a_pipe", "FROM debian:12\nRUN make || true\n", nil, ""},
	{"DKR020", "continuation_line", "FROM debian:12\nRUN set -e; \\\n    curl -fsSL https://x/t.tgz \\\n    | tar -xz\n", []int{3}, ""},
	{"DKR020", "exec_form_pipe", "FROM debian:12\nRUN [\"/bin/sh\", \"-c\", \"curl -fsSL https://x/t.tgz | tar -xz\"]\n", []int{2}, ""},
	{"DKR020", "exec_form_pipefail_passes", "FROM debian:12\nRUN [\"/bin/bash\", \"-euo\", \"pipefail\", \"-c\", \"curl -fsSL https://x/t.tgz | tar -xz\"]\n", nil, ""},
	{"DKR020", "exec_form_ignores_shell", "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN [\"sh\", \"-c\", \"curl -fsSL https://x/t.tgz | tar -xz\"]\n", []int{3}, ""},
	{"DKR020", "env_bash_shell", "FROM debian:12\nSHELL [\"/usr/bin/env\", \"bash\", \"-euxvc\"]\nRUN curl -fsSL https://x/t.tgz | tar -xz\n", []int{3}, ""},
	{"DKR020", "env_bash_pipefail_passes", "FROM debian:12\nSHELL [\"/usr/bin/env\", \"bash\", \"-eux\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x/t.tgz | tar -xz\n", nil, ""},
	{"DKR020", "powershell_skipped", "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN Get-ChildItem | Select-Object Name\n", nil, ""},
}
