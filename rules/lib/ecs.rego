# METADATA
# description: |
#   Helpers for ECS task definitions (aws.ecs.task-definition) and services
#   (aws.ecs.service): container iteration, launch type and platform, and
#   the API's defaults.
package shipcheck.lib.ecs

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

# containers maps the index of each container definition to the container.
# Entries that are not objects are skipped (SCH002 reports them).
containers[i] := c if {
	some i, c in values.array_or_empty(spec.containerDefinitions)
	is_object(c)
}

# label names a container in messages, by name or by list position.
label(c, _) := sprintf("container %q", [c.name]) if values.nonempty_string(object.get(c, "name", null))

label(c, i) := sprintf("container #%d", [i + 1]) if {
	not values.nonempty_string(object.get(c, "name", null))
}

# essential holds for a container that is essential: true unless set false.
essential(c) if not values.is_false(object.get(c, "essential", true))

compatibilities contains upper(x) if {
	some x in values.array_or_empty(spec.requiresCompatibilities)
	is_string(x)
}

fargate if "FARGATE" in compatibilities

external if "EXTERNAL" in compatibilities

# windows holds for tasks on a Windows platform, where Linux-only settings
# do not apply.
windows if startswith(upper(spec.runtimePlatform.operatingSystemFamily), "WINDOWS")

# network_mode is the effective network mode: the written one, else the
# API default for the platform (bridge on Linux EC2, awsvpc required on
# Fargate, left undefined for Windows).
network_mode := spec.networkMode if is_string(spec.networkMode)

network_mode := "bridge" if {
	network_mode_defaulted
	not fargate
	not windows
}

network_mode_defaulted if not is_string(object.get(spec, "networkMode", null))

# linux holds unless the task runs on Windows.
linux if not windows
