# METADATA
# title: Field the AWS API does not define
# description: |
#   A field name the ECS API does not define in a task definition, container
#   definition or service is almost always a typo or a field in the wrong
#   place: "healthcheck" for healthCheck, "privilege" for privileged,
#   "pidMode" inside a container instead of at the task level. The AWS CLI
#   and API reject the whole request, and inside Terraform
#   container_definitions the AWS provider silently drops keys it does not
#   know, so the setting the author meant never takes effect (reported high
#   there) and nothing warns about it. (The provider matches keys without
#   regard to case, so in Terraform "healthcheck" works and is not
#   reported; "health_check" does not.)
#
#   The field list is the AWS API model's: request and response fields of
#   RegisterTaskDefinition/DescribeTaskDefinition and
#   CreateService/UpdateService/DescribeServices. A misspelled field is
#   reported here and never makes another rule believe the intended field is
#   set (privilege: true is this finding, not ECS006).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition#container_definitions
# custom:
#   id: SCH001
#   name: unknown-field
#   severity: medium
#   kinds: [aws.ecs.task-definition, aws.ecs.service]
#   tags: [correctness, schema, ecs]
#   remediation: |
#     Rename the field to the API's spelling (field names are case-sensitive
#     camelCase) or move it where it belongs; the message suggests the
#     closest valid name.
#
#     JSON:
#       "healthcheck": {...}   ->   "healthCheck": {...}
#
#     Terraform (container_definitions = jsonencode([...]) keeps the API's
#     camelCase names, not snake_case):
#       port_mappings = [...]  ->   portMappings = [...]
package shipcheck.schema.unknown_field

# Findings come from the Go schema validator (analyzer/schema), which checks
# every resource of these kinds against schemas/<kind>.json.
