# METADATA
# title: Suppression has expired
# description: |
#   A suppression with `until=YYYY-MM-DD` (or `until:` in an `ignore` entry
#   of .shipcheck.yaml) whose date has passed. It no longer applies: the
#   findings it hid are reported again. Expiry dates turn "we will fix it
#   later" into a reminder instead of a permanent exception.
# related_resources:
#   - ref: https://github.com/shipcheck/shipcheck#suppressing-findings
# custom:
#   id: SUP002
#   name: expired-suppression
#   severity: info
#   kinds: ["*"]
#   tags: [maintenance]
#   remediation: |
#     Fix the findings the suppression covered and delete it, or, when the
#     exception is still justified, move the date forward and say why:
#
#     ```yaml
#     # shipcheck:ignore K8S010 until=2027-03-31 migrating to the new registry (OPS-42)
#     ```
#
#     ```yaml
#     # .shipcheck.yaml
#     ignore:
#       - path: legacy/**
#         rules: [ECS004]
#         until: 2027-03-31
#         reason: legacy stack is being retired
#     ```
package shipcheck.errors.expired_suppression

# Findings come from the suppression pass; this file only declares the rule.
