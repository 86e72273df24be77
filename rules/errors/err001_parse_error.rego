# METADATA
# title: File could not be parsed
# description: |
#   A file that looks like a supported input (ECS JSON, Terraform, a
#   Kubernetes manifest, a Dockerfile) but could not be parsed: a syntax
#   error, an unterminated string, a document nested too deeply. Nothing in
#   it was checked, so it is reported at the error's line rather than
#   skipped silently; the deployment tool would most likely reject it too.
# related_resources:
#   - ref: https://www.rfc-editor.org/rfc/rfc8259
#   - ref: https://developer.hashicorp.com/terraform/language/syntax/configuration
#   - ref: https://yaml.org/spec/1.2.2/
# custom:
#   id: ERR001
#   name: parse-error
#   severity: high
#   kinds: ["*"]
#   tags: [correctness]
#   remediation: |
#     Fix the syntax error at the reported line (a validator such as
#     `jq . file.json`, `terraform validate` or `kubectl apply --dry-run=client`
#     shows the same problem), or exclude the file from the scan if it is not
#     meant to be one of these inputs.
package shipcheck.errors.parse_error

# Findings come from the parsers; this file only declares the rule.
