# METADATA
# description: |
#   Helpers for ECS task definitions (aws.ecs.task-definition) and services
#   (aws.ecs.service): container iteration, launch type and platform, and
#   the API's defaults.
package shipcheck.lib.ecs

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

# containers maps the index of each container definition to the container.
# Entries that are not objects are skipped (SCH002 reports them). A
# comprehension, not a partial rule containers[i] := c: OPA checks each
# entry of a partial rule against all earlier ones, quadratic in a task
# with thousands of containers (50 MB took minutes).
containers := {i: c |
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

# present holds for a field that is written: a number, a non-blank string
# (including an unknown "${var.x}"), a boolean, an object or an array.
present(x) if is_number(x)

present(x) if values.nonempty_string(x)

present(x) if is_boolean(x)

present(x) if is_object(x)

present(x) if is_array(x)

# memory_mib returns a memory size in MiB: a number, a numeric string
# ("1024"), or a string with a unit as the API accepts it ("2 GB", "0.5GB",
# "512 MiB"). Undefined for anything else, including unknown values.
memory_mib(x) := values.number(x)

memory_mib(x) := to_number(m[0][1]) * 1024 if {
	is_string(x)
	m := regex.find_all_string_submatch_n(`(?i)^\s*([0-9]*\.?[0-9]+)\s*gi?b\s*$`, x, 1)
}

memory_mib(x) := to_number(m[0][1]) if {
	is_string(x)
	m := regex.find_all_string_submatch_n(`(?i)^\s*([0-9]*\.?[0-9]+)\s*mi?b\s*$`, x, 1)
}

# cpu_units returns a CPU size in CPU units (1024 per vCPU): a number, a
# numeric string ("512"), or vCPUs ("1 vCPU", "0.25 vcpu").
cpu_units(x) := values.number(x)

cpu_units(x) := to_number(m[0][1]) * 1024 if {
	is_string(x)
	m := regex.find_all_string_submatch_n(`(?i)^\s*([0-9]*\.?[0-9]+)\s*vcpus?\s*$`, x, 1)
}

# container_names is the set of container names written as literal strings.
container_names contains c.name if {
	some c in containers
	is_string(object.get(c, "name", null))
}

# definitions_known holds when no element of containerDefinitions is an
# unknown value (a Terraform module output or variable): a rule about the
# task's containers as a whole cannot tell what such an element holds.
definitions_known if {
	every x in values.array_or_empty(spec.containerDefinitions) {
		not values.unknown(x)
	}
}

# names_known holds when every container's name is a literal string, so a
# name missing from container_names is really missing.
names_known if {
	definitions_known
	every c in containers {
		is_string(object.get(c, "name", null))
		not values.unknown(c.name)
	}
}

# A Windows task also shows in its images: older Windows task definitions
# omit runtimePlatform, and a task cannot mix Windows and Linux containers,
# so one Windows base image (servercore, nanoserver, .NET Framework, or an
# LTSC tag) marks the whole task.
windows if {
	some c in containers
	windows_image(object.get(c, "image", null))
}

windows_image(image) if {
	is_string(image)
	regex.match(`(?i)(^|/)mcr\.microsoft\.com/(windows|dotnet/framework)(/|:|$)|:[^/]*(windowsservercore|nanoserver|ltsc20[0-9]{2})[^/]*$`, image)
}
