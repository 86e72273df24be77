# METADATA
# title: Value could not be evaluated
# description: |
#   Part of a resource could not be evaluated statically: a remote Terraform
#   module, a templatefile() that does not render, a file() that is missing.
#   The rules that need that value could not check it, so the resource may
#   have problems this scan cannot see. It is said once per resource, never
#   silently.
# related_resources:
#   - ref: https://developer.hashicorp.com/terraform/language/functions/templatefile
#   - ref: https://developer.hashicorp.com/terraform/language/modules/sources
# custom:
#   id: ERR002
#   name: not-evaluated
#   severity: info
#   kinds: ["*"]
#   tags: [coverage]
#   remediation: |
#     Make the value available to the scan (vendor the module, make the
#     template and its variables resolvable), or scan the Terraform plan
#     (terraform show -json plan.out), where values are known.
package shipcheck.errors.not_evaluated

# Findings come from the adapters; this file only declares the rule.
