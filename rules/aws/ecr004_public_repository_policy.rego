# METADATA
# title: ECR repository policy lets anyone access the repository
# description: |
#   A repository policy statement that allows ECR actions to the principal
#   "*" without a Condition grants them to every AWS account in the world:
#   anyone can pull (and, with push actions, overwrite) the images, which
#   often hold source code, internal endpoints and baked-in credentials.
#   Principals and actions may be written as a string or a list; a
#   NotAction statement allows every action it does not list.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
# custom:
#   id: ECR004
#   name: public-repository-policy
#   severity: critical
#   kinds: [aws.ecr.repository]
#   tags: [security, access-control, ecr]
#   remediation: |
#     Name the accounts or roles that need access, or add a Condition that
#     restricts the caller (aws:PrincipalOrgID, aws:SourceAccount, ...).
#
#     JSON (set-repository-policy):
#       {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
#        "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}
#
#     Terraform (aws_ecr_repository_policy):
#       policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Effect    = "Allow"
#           Principal = { AWS = "arn:aws:iam::123456789012:root" }
#           Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
#         }]
#       })
package shipcheck.aws.public_repository_policy

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

policy := values.object_or_empty(object.get(spec, "repositoryPolicy", null))

statement := object.get(policy, "Statement", null)

# statements maps the path of each statement to it: Statement may be one
# object or a list.
statements[["repositoryPolicy", "Statement"]] := statement if is_object(statement)

statements[["repositoryPolicy", "Statement", i]] := s if {
	some i, s in values.array_or_empty(statement)
	is_object(s)
}

deny contains {"msg": msg, "path": path} if {
	some path, s in statements
	is_string(s.Effect)
	lower(s.Effect) == "allow"
	public(object.get(s, "Principal", null))
	granted := grants(s)
	not conditioned(s)
	msg := sprintf("repository policy statement%s allows %s to every AWS principal (\"*\") without a Condition: anyone can access these images; name the accounts or roles, or add a Condition such as aws:PrincipalOrgID", [sid(s), granted])
}

grants(s) := concat(", ", sort(actions)) if {
	actions := ecr_actions(object.get(s, "Action", null))
	count(actions) > 0
}

# NotAction allows every action it does not list, so it grants ECR access
# unless it excludes all of it ("*" or "ecr:*").
grants(s) := sprintf("every action except %s", [concat(", ", sort(excluded))]) if {
	not "Action" in object.keys(s)
	not values.unknown(object.get(s, "NotAction", null))
	excluded := {x |
		some x in as_list(object.get(s, "NotAction", null))
		is_string(x)
	}
	count(excluded) > 0
	every x in excluded {
		not lower(x) in {"*", "ecr:*"}
	}
}

# conditioned holds for a statement with a non-empty Condition (or one that
# cannot be known statically).
conditioned(s) if {
	c := object.get(s, "Condition", null)
	is_object(c)
	count(c) > 0
}

conditioned(s) if values.unknown(object.get(s, "Condition", null))

sid(s) := sprintf(" %q", [s.Sid]) if values.nonempty_string(object.get(s, "Sid", null))

sid(s) := "" if not values.nonempty_string(object.get(s, "Sid", null))

public("*")

public(p) if {
	is_object(p)
	some x in as_list(object.get(p, "AWS", null))
	x == "*"
}

public(p) if {
	is_array(p)
	"*" in p
}

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

# ecr_actions returns the actions of a statement that grant ECR actions.
ecr_actions(a) := {x |
	some x in as_list(a)
	is_string(x)
	ecr_action(lower(x))
}

ecr_action("*")

ecr_action(x) if startswith(x, "ecr:")
