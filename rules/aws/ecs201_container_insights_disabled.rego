# METADATA
# title: ECS cluster without Container Insights
# description: |
#   Without Container Insights the cluster publishes no per-task and
#   per-service CPU, memory, network and storage metrics, and no task-level
#   diagnostics: when a service starts failing health checks, running out of
#   memory or restarting in a loop, there is nothing to alarm on and nothing
#   to look back at. Container Insights is off unless the cluster turns it
#   on, or the account default does (aws_ecs_account_setting_default in the
#   same scan, joined as accountSettingDefaults) and the cluster does not
#   turn it off; "enhanced" observability also counts.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-container-insights.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ClusterSetting.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_cluster#setting
# custom:
#   id: ECS201
#   name: container-insights-disabled
#   severity: low
#   kinds: [aws.ecs.cluster]
#   tags: [observability, ecs]
#   remediation: |
#     Turn on Container Insights (or enhanced observability) for the cluster.
#
#     JSON (create-cluster):
#       "settings": [{"name": "containerInsights", "value": "enabled"}]
#
#     Terraform (aws_ecs_cluster):
#       setting {
#         name  = "containerInsights"
#         value = "enhanced"   # or "enabled"
#       }
package shipcheck.aws.container_insights_disabled

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

settings := object.get(spec, "settings", null)

# insights maps the index of each containerInsights setting to its value.
insights[i] := s.value if {
	some i, s in values.array_or_empty(settings)
	is_object(s)
	lower(object.get(s, "name", "")) == "containerinsights"
}

# covered holds when a setting turns Container Insights on, or when what
# the settings say cannot be known statically.
covered if {
	some v in insights
	is_string(v)
	lower(v) in {"enabled", "enhanced"}
}

covered if {
	some v in insights
	not is_string(v)
}

covered if {
	some v in insights
	values.unknown(v)
}

covered if values.unknown(settings)

# The account default applies to clusters that do not set it themselves.
covered if {
	count(insights) == 0
	some d in values.array_or_empty(object.get(spec, "accountSettingDefaults", null))
	is_object(d)
	lower(object.get(d, "name", "")) == "containerinsights"
	v := object.get(d, "value", "")
	turns_on(v)
}

turns_on(v) if values.unknown(v)

turns_on(v) if {
	is_string(v)
	lower(v) in {"enabled", "enhanced"}
}

covered if {
	some s in values.array_or_empty(settings)
	values.unknown(s)
}

covered if {
	some s in values.array_or_empty(settings)
	is_object(s)
	values.unknown(object.get(s, "name", ""))
}

deny contains {"msg": msg, "path": ["settings", i, "value"]} if {
	not covered
	some i, v in insights
	msg := sprintf("Container Insights is %q for this cluster: tasks and services publish no CPU, memory or network metrics to alarm on; set containerInsights to \"enabled\" or \"enhanced\"", [v])
}

deny contains {"msg": msg, "path": path} if {
	not covered
	count(insights) == 0
	path := setting_path
	msg := "the cluster does not turn on Container Insights (it is off by default): tasks and services publish no CPU, memory or network metrics to alarm on; add the setting containerInsights = \"enabled\" or \"enhanced\""
}

setting_path := ["settings"] if is_array(settings)

setting_path := [] if not is_array(settings)
