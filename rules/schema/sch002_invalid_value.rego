# METADATA
# title: Value of the wrong type or outside the allowed values
# description: |
#   A value the ECS API cannot accept: the wrong type (a string where a list
#   or object belongs, "512MB" for an integer number of MiB, "yes" for a
#   boolean) or a value outside the API's enumeration (networkMode "awsvpcc",
#   protocol "TCP" where the API takes "tcp"). The API rejects the request;
#   the Terraform provider fails to decode container_definitions at apply
#   time, long after review.
#
#   Strings "true"/"false" are accepted for booleans and numeric strings for
#   numbers, as CloudFormation and Terraform write them, and null and
#   unresolved values ("${var.x}") are never reported. A value of the wrong
#   type is treated as absent by the other rules, so one malformed field does
#   not stop the rest of the file from being checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
# custom:
#   id: SCH002
#   name: invalid-value
#   severity: medium
#   kinds: [aws.ecs.task-definition, aws.ecs.service]
#   tags: [correctness, schema, ecs]
#   remediation: |
#     Write the value with the type and spelling the API documents; the
#     message names the expected type or the allowed values.
#
#     JSON:
#       "protocol": "TCP"      ->   "protocol": "tcp"
#       "memory": "512MB"      ->   "memory": 512
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       options = { "awslogs-create-group" = true }   ->   "awslogs-create-group" = "true"
package shipcheck.schema.invalid_value

# Findings come from the Go schema validator (analyzer/schema).
