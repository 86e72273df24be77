# METADATA
# title: CloudWatch log group keeps logs forever
# description: |
#   A log group without a retention period keeps every event forever.
#   Container and application logs grow with traffic, so storage cost grows
#   without bound, and logs that may hold personal data or secrets printed
#   by mistake are kept far longer than any policy allows. (In Terraform a
#   retention_in_days of 0 also means "never expire".)
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#retention_in_days
# custom:
#   id: LOG001
#   name: no-retention
#   severity: low
#   kinds: [aws.logs.log-group]
#   tags: [cost, compliance, logs]
#   remediation: |
#     Set a retention period that matches how long the logs are needed.
#
#     JSON (put-retention-policy):
#       {"logGroupName": "/ecs/app", "retentionInDays": 30}
#
#     Terraform (aws_cloudwatch_log_group):
#       retention_in_days = 30
package shipcheck.aws.no_retention

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

retention := object.get(spec, "retentionInDays", null)

deny contains {"msg": msg, "path": []} if {
	retention == null
	msg := "the log group has no retention period, so its logs are kept forever and storage cost grows without bound; set retentionInDays (retention_in_days in Terraform)"
}

deny contains {"msg": msg, "path": ["retentionInDays"]} if {
	values.number(retention) == 0
	msg := "retentionInDays is 0, which means the logs never expire and storage cost grows without bound; set a retention period such as 30 or 365 days"
}
