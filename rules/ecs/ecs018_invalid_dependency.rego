# METADATA
# title: Container dependency that cannot be satisfied
# description: |
#   dependsOn orders container start-up, and a condition that can never be
#   met stops the task: a dependency on a container that is not in the task
#   definition is rejected at registration, HEALTHY on a container without a
#   healthCheck never becomes true so the dependent container never starts,
#   and COMPLETE or SUCCESS on an essential container is rejected because an
#   essential container that exits stops the whole task.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_dependson
# custom:
#   id: ECS018
#   name: invalid-dependency
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [reliability, ecs]
#   remediation: |
#     Depend only on containers of the same task, give containers that
#     others wait HEALTHY for a healthCheck, and mark containers others wait
#     to COMPLETE or SUCCESS as not essential.
#
#     JSON:
#       "dependsOn": [{"containerName": "migrate", "condition": "SUCCESS"}]
#     with, on the "migrate" container, "essential": false
#
#     Terraform (inside container_definitions = jsonencode([...])):
#       dependsOn = [{ containerName = "migrate", condition = "SUCCESS" }]
package shipcheck.ecs.invalid_dependency

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

# dependencies yields each dependency with its position and its target,
# when the target's name is written literally.
dependencies contains [i, j, c, target, condition] if {
	some i, c in ecs.containers
	some j, dep in values.array_or_empty(object.get(c, "dependsOn", []))
	is_object(dep)
	target := dep.containerName
	values.nonempty_string(target) # "" is a CLI skeleton's unfilled name
	not values.unknown(target)
	condition := upper(trim_space(object.get(dep, "condition", "")))
}

# by_name maps container names to containers; the first wins when names
# are duplicated.
by_name[name] := c if {
	some name in ecs.container_names
	c := [x | some x in ecs.containers; object.get(x, "name", null) == name][0]
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "dependsOn", j, "containerName"]} if {
	ecs.names_known
	some [i, j, c, target, _] in dependencies
	not target in ecs.container_names
	msg := sprintf("%s depends on %q, which is not a container of this task; the task definition is rejected: depend on one of %s", [ecs.label(c, i), target, known_names])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "dependsOn", j, "containerName"]} if {
	some [i, j, c, target, _] in dependencies
	target == object.get(c, "name", null)
	msg := sprintf("%s depends on itself; it can never start: remove the dependency", [ecs.label(c, i)])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "dependsOn", j, "condition"]} if {
	some [i, j, c, target, condition] in dependencies
	condition == "HEALTHY"
	dependency := by_name[target]
	not is_object(object.get(dependency, "healthCheck", null))
	msg := sprintf("%s waits for %q to be HEALTHY, but %q has no healthCheck, so it never becomes healthy and %s never starts; add a healthCheck to %q or use condition START", [ecs.label(c, i), target, target, ecs.label(c, i), target])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "dependsOn", j, "condition"]} if {
	some [i, j, c, target, condition] in dependencies
	condition in {"COMPLETE", "SUCCESS"}
	dependency := by_name[target]
	ecs.essential(dependency)
	msg := sprintf("%s waits for %q to %s, but %q is essential and an essential container that exits stops the task; set \"essential\": false on %q", [ecs.label(c, i), target, condition_verb[condition], target, target])
}

condition_verb := {"COMPLETE": "complete", "SUCCESS": "succeed"}

known_names := concat(", ", [sprintf("%q", [n]) | some n in sort(ecs.container_names)])
