# METADATA
# title: EKS control plane audit or authenticator logs are off
# description: |
#   EKS sends no control plane logs to CloudWatch unless told to. Without
#   the audit log there is no record of who read a Secret, created a
#   privileged pod or changed RBAC; without the authenticator log there is
#   no record of which IAM identity became which Kubernetes user. Both are
#   what an incident responder needs first.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
#   - ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_Logging.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#enabled_cluster_log_types
# custom:
#   id: EKS003
#   name: control-plane-logging
#   severity: medium
#   kinds: [aws.eks.cluster]
#   tags: [audit, observability, eks]
#   remediation: |
#     Enable at least the audit and authenticator control plane logs.
#
#     JSON (create-cluster):
#       "logging": {"clusterLogging": [{"types": ["api", "audit", "authenticator"], "enabled": true}]}
#
#     Terraform (aws_eks_cluster):
#       enabled_cluster_log_types = ["api", "audit", "authenticator"]
package shipcheck.aws.control_plane_logging

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

logging := object.get(spec, "logging", null)

entries := values.array_or_empty(object.get(values.object_or_empty(logging), "clusterLogging", null))

enabled_types contains lower(t) if {
	some e in entries
	is_object(e)
	values.is_true(object.get(e, "enabled", false))
	some t in values.array_or_empty(object.get(e, "types", null))
	is_string(t)
}

unknown if values.unknown(logging)

unknown if {
	some e in entries
	is_object(e)
	values.unknown(object.get(e, "types", null))
}

unknown if {
	some e in entries
	is_object(e)
	values.unknown(object.get(e, "enabled", false))
}

unknown if {
	some e in entries
	is_object(e)
	some t in values.array_or_empty(object.get(e, "types", null))
	values.unknown(t)
}

missing := {t | some t in {"audit", "authenticator"}; not t in enabled_types}

valid_types := {"api", "audit", "authenticator", "controllermanager", "scheduler"}

# Misspelled types ("authentication", "controlManager") are the usual reason
# a type the author meant to enable is missing: name them.
invalid_types := {t |
	some e in entries
	is_object(e)
	some t in values.array_or_empty(object.get(e, "types", null))
	is_string(t)
	not lower(t) in valid_types
}

invalid_note := "" if count(invalid_types) == 0

invalid_note := sprintf(" (%s; the types are api, audit, authenticator, controllerManager and scheduler)", [invalid_list]) if count(invalid_types) > 0

invalid_list := sprintf("%q is not a log type", [t]) if {
	count(invalid_types) == 1
	some t in invalid_types
}

invalid_list := sprintf("%s are not log types", [concat(", ", [sprintf("%q", [t]) | some t in sort(invalid_types)])]) if count(invalid_types) > 1

deny contains {"msg": msg, "path": path} if {
	not unknown
	count(missing) > 0
	path := finding_path
	msg := sprintf("control plane logging does not include %s%s: there is no record of who did what in the cluster or which IAM identity became which user; enable the audit and authenticator log types", [concat(" and ", sort(missing)), invalid_note])
}

finding_path := ["logging"] if logging != null

finding_path := [] if logging == null
