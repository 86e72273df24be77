# METADATA
# title: Suppression matches no finding
# description: |
#   A `# shipcheck:ignore` comment, a `shipcheck.dev/ignore` annotation or
#   an `ignore` entry of .shipcheck.yaml that suppressed nothing in this scan:
#   the problem it hid was fixed, the code it covered moved away from it, or
#   it names a rule that does not exist or is malformed. A stale ignore is
#   dangerous: it silently hides the next real problem written where it
#   stands. It is reported so that ignores are removed when they stop being
#   needed.
# related_resources:
#   - ref: https://github.com/shipcheck/shipcheck#suppressing-findings
# custom:
#   id: SUP001
#   name: unused-suppression
#   severity: info
#   kinds: ["*"]
#   tags: [maintenance]
#   remediation: |
#     Delete the suppression, or correct it: the comment goes on the line of
#     the finding or on the line just above it (or above the resource, block,
#     document, stage or container it should cover), and names rule IDs:
#
#     ```yaml
#     # shipcheck:ignore K8S001,K8S002 batch job, runs once
#     ```
#
#     ```hcl
#     # shipcheck:ignore ECS001 until=2026-12-31 health check lands in JIRA-123
#     resource "aws_ecs_task_definition" "app" { ... }
#     ```
#
#     ```dockerfile
#     # shipcheck:ignore DKR003 pinned by the base-image pipeline
#     FROM company/base:stable
#     ```
package shipcheck.errors.unused_suppression

# Findings come from the suppression pass; this file only declares the rule.
