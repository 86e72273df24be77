# METADATA
# title: Value of the wrong type or outside the allowed values
# description: |
#   A value the ECS API or the Kubernetes API server cannot accept: the
#   wrong type (a string where a list or object belongs, "512MB" for an
#   integer number of MiB, "yes" for a boolean) or a value outside the API's
#   enumeration (networkMode "awsvpcc", protocol "TCP" where the API takes
#   "tcp"). In a pod spec: securityContext as a string, runAsUser: app,
#   containerPort: "8080", an env value written as a number. The API rejects
#   the request; the Terraform provider fails to decode container_definitions
#   at apply time, long after review.
#
#   In ECS input, strings "true"/"false" are accepted for booleans and
#   numeric strings for numbers, as CloudFormation and Terraform write them;
#   the Kubernetes API server accepts neither, so a quoted boolean or integer
#   in a manifest is reported. Null and unresolved values ("${var.x}",
#   Helm placeholders) are never reported. A value of the wrong type is
#   treated as absent by the other rules, so one malformed field does not
#   stop the rest of the file from being checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
#   - ref: https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/
# custom:
#   id: SCH002
#   name: invalid-value
#   severity: medium
#   kinds: [aws.ecs.task-definition, aws.ecs.service, kubernetes]
#   tags: [correctness, schema, ecs, kubernetes]
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
