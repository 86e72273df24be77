# METADATA
# title: ECR repository does not scan images on push
# description: |
#   Without scan on push, an image with known critical vulnerabilities
#   (an outdated OpenSSL or glibc in the base image, a vulnerable library)
#   is stored and deployed without anyone being told. The repository-level
#   scanOnPush setting is off by default. A registry scanning configuration
#   (aws_ecr_registry_scanning_configuration, in the same scan) whose rule
#   filter matches the repository and scans on push or continuously covers
#   the repository as well.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutRegistryScanningConfiguration.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_registry_scanning_configuration
# custom:
#   id: ECR002
#   name: scan-on-push-disabled
#   severity: medium
#   kinds: [aws.ecr.repository]
#   tags: [supply-chain, vulnerabilities, ecr]
#   remediation: |
#     Scan images on push, for the repository or for the whole registry.
#
#     JSON (create-repository):
#       "imageScanningConfiguration": {"scanOnPush": true}
#
#     Terraform (aws_ecr_repository):
#       image_scanning_configuration { scan_on_push = true }
#
#     Terraform (registry-wide, enhanced scanning):
#       resource "aws_ecr_registry_scanning_configuration" "this" {
#         scan_type = "ENHANCED"
#         rule {
#           scan_frequency = "CONTINUOUS_SCAN"
#           repository_filter { filter = "*"  filter_type = "WILDCARD" }
#         }
#       }
package shipcheck.aws.scan_on_push_disabled

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

scanning := object.get(spec, "imageScanningConfiguration", null)

scan_on_push := object.get(values.object_or_empty(scanning), "scanOnPush", null)

name := object.get(spec, "repositoryName", "")

deny contains {"msg": msg, "path": path} if {
	not values.is_true(scan_on_push)
	not values.unknown(scan_on_push)
	not values.unknown(scanning)
	not registry_scanned
	path := finding_path
	msg := sprintf("%s: images pushed to this repository are not scanned for vulnerabilities, and no registry scanning rule covers it; set imageScanningConfiguration.scanOnPush to true or add a registry scanning rule", [reason])
}

reason := "scanOnPush is false" if values.is_false(scan_on_push)

reason := "scanOnPush is not set (it defaults to false)" if scan_on_push == null

reason := sprintf("scanOnPush is %s, not true", [json.marshal(scan_on_push)]) if {
	scan_on_push != null
	not values.is_false(scan_on_push)
}

finding_path := ["imageScanningConfiguration", "scanOnPush"] if scan_on_push != null

finding_path := ["imageScanningConfiguration"] if {
	scan_on_push == null
	is_object(scanning)
}

finding_path := [] if {
	scan_on_push == null
	not is_object(scanning)
}

registry := values.object_or_empty(object.get(spec, "registryScanningConfiguration", null))

# registry_scanned holds when a registry scanning rule that scans (on push
# or continuously) has a filter matching the repository; unknown parts
# count as matching, since a miss cannot be claimed.
registry_scanned if {
	some rule in values.array_or_empty(object.get(registry, "rules", null))
	is_object(rule)
	scans(object.get(rule, "scanFrequency", "SCAN_ON_PUSH"))
	some f in values.array_or_empty(object.get(rule, "repositoryFilters", null))
	is_object(f)
	matches(object.get(f, "filter", ""), name)
}

registry_scanned if values.unknown(object.get(registry, "rules", null))

scans(freq) if values.unknown(freq)

scans(freq) if {
	is_string(freq)
	upper(freq) in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
}

matches(filter, _) if values.unknown(filter)

matches(_, repo) if values.unknown(repo)

matches(_, repo) if not values.nonempty_string(repo)

matches(filter, repo) if {
	is_string(filter)
	is_string(repo)
	pattern := concat("", ["^", replace(replace(filter, ".", "\\."), "*", ".*"), "$"])
	regex.match(pattern, repo)
}
