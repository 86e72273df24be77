# METADATA
# title: Health check that ECS rejects or cannot run
# description: |
#   ECS runs a container health check as command[0] = CMD (exec the rest)
#   or CMD-SHELL (run the rest with the container's shell); any other first
#   element, a missing command, or a timing outside the API's limits
#   (interval 5-300 s, timeout 2-120 s, retries 1-10, startPeriod 0-300 s)
#   makes registration fail or leaves the container permanently unhealthy,
#   so ECS keeps replacing tasks that are working.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/healthcheck.html
# custom:
#   id: ECS020
#   name: invalid-healthcheck
#   severity: medium
#   kinds: [aws.ecs.task-definition]
#   tags: [reliability, ecs]
#   remediation: |
#     Start the command with CMD or CMD-SHELL and keep the timings within
#     the API's limits.
#
#     JSON:
#       "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],
#                       "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 60}
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       healthCheck = {
#         command  = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]
#         interval = 30
#         timeout  = 5
#         retries  = 3
#       }
package shipcheck.ecs.invalid_healthcheck

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

# limits are the API's bounds for each timing, inclusive.
limits := {
	"interval": {"min": 5, "max": 300, "unit": " seconds"},
	"timeout": {"min": 2, "max": 120, "unit": " seconds"},
	"retries": {"min": 1, "max": 10, "unit": ""},
	"startPeriod": {"min": 0, "max": 300, "unit": " seconds"},
}

healthchecks := {i: [c, hc] |
	some i, c in ecs.containers
	hc := c.healthCheck
	is_object(hc)
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "healthCheck", "command", 0]} if {
	some i, [c, hc] in healthchecks
	first := hc.command[0]
	is_string(first)
	not values.unknown(first)
	not first in {"CMD", "CMD-SHELL"}
	msg := sprintf("%s healthCheck command starts with %q; ECS requires CMD (run the command directly) or CMD-SHELL (run it with the shell) as the first element, e.g. [\"CMD-SHELL\", %q]", [ecs.label(c, i), first, concat(" ", [x | some x in hc.command; is_string(x)])])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "healthCheck", "command"]} if {
	some i, [c, hc] in healthchecks
	hc.command == []
	msg := sprintf("%s healthCheck command is empty; give a command starting with CMD or CMD-SHELL", [ecs.label(c, i)])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "healthCheck"]} if {
	some i, [c, hc] in healthchecks
	not "command" in object.keys(hc)
	msg := sprintf("%s healthCheck has no command, which the API requires; add one starting with CMD or CMD-SHELL", [ecs.label(c, i)])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "healthCheck", field]} if {
	some i, [c, hc] in healthchecks
	some field, limit in limits
	n := values.number(hc[field])
	not within(n, limit)
	msg := sprintf("%s healthCheck %s is %v%s; ECS accepts %v to %v%s", [ecs.label(c, i), field, n, limit.unit, limit.min, limit.max, limit.unit])
}

within(n, limit) if {
	n >= limit.min
	n <= limit.max
}
