# METADATA
# title: Task definition is not compatible with Fargate
# description: |
#   A task definition that requires FARGATE must fit what Fargate offers:
#   awsvpc networking, no privileged containers, no host PID or IPC
#   namespace, no host bind mounts or devices, no added capabilities other
#   than SYS_PTRACE, and a task-level cpu/memory pair from Fargate's size
#   table. Anything else is rejected when the task definition is registered
#   or when the task is launched, so the deployment fails. On Windows the
#   Linux-only settings (privileged, linuxParameters, pidMode, ipcMode) are
#   not checked, as everywhere else.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-defs.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size
# custom:
#   id: ECS017
#   name: fargate-incompatible
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [reliability, fargate, ecs]
#   remediation: |
#     Use awsvpc networking and a supported cpu/memory pair, and drop the
#     settings Fargate does not support (privileged, pidMode host, ipcMode,
#     host volumes, devices, capabilities other than SYS_PTRACE).
#
#     JSON:
#       "requiresCompatibilities": ["FARGATE"],
#       "networkMode": "awsvpc",
#       "cpu": "512",
#       "memory": "1024"
#
#     Terraform:
#       requires_compatibilities = ["FARGATE"]
#       network_mode             = "awsvpc"
#       cpu                      = 512
#       memory                   = 1024
package shipcheck.ecs.fargate_incompatible

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

# fargate_memory maps each Fargate cpu size (CPU units) to the memory sizes
# (MiB) it can be paired with. The lists are written out rather than built
# with numbers.range_step, which ran for every task definition evaluated.
fargate_memory := {
	256: [512, 1024, 2048],
	512: [1024, 2048, 3072, 4096],
	1024: [2048, 3072, 4096, 5120, 6144, 7168, 8192],
	2048: [4096, 5120, 6144, 7168, 8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384],
	4096: [8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384, 17408, 18432, 19456, 20480, 21504, 22528, 23552, 24576, 25600, 26624, 27648, 28672, 29696, 30720],
	8192: [16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440],
	16384: [32768, 40960, 49152, 57344, 65536, 73728, 81920, 90112, 98304, 106496, 114688, 122880],
}

# fargate_memory_text says the same for messages.
fargate_memory_text := {
	256: "512, 1024 or 2048 MiB",
	512: "1024 to 4096 MiB in 1024 MiB steps",
	1024: "2048 to 8192 MiB in 1024 MiB steps",
	2048: "4096 to 16384 MiB in 1024 MiB steps",
	4096: "8192 to 30720 MiB in 1024 MiB steps",
	8192: "16 to 60 GiB in 4 GiB steps",
	16384: "32 to 120 GiB in 8 GiB steps",
}

deny contains {"msg": msg, "path": ["networkMode"]} if {
	ecs.fargate
	mode := ecs.spec.networkMode
	is_string(mode)
	not values.unknown(mode)
	lower(mode) != "awsvpc"
	msg := sprintf("the task requires FARGATE but networkMode is %q; Fargate supports only awsvpc", [mode])
}

deny contains {"msg": msg, "path": []} if {
	ecs.fargate
	ecs.network_mode_defaulted
	msg := "the task requires FARGATE but sets no networkMode; Fargate requires networkMode awsvpc"
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "privileged"]} if {
	ecs.fargate
	ecs.linux
	some i, c in ecs.containers
	values.is_true(object.get(c, "privileged", null))
	msg := sprintf("%s is privileged, which Fargate does not support; remove privileged", [ecs.label(c, i)])
}

deny contains {"msg": msg, "path": ["pidMode"]} if {
	ecs.fargate
	ecs.linux
	lower(ecs.spec.pidMode) == "host"
	msg := "the task requires FARGATE but sets pidMode host; Fargate supports only pidMode task"
}

deny contains {"msg": msg, "path": ["ipcMode"]} if {
	ecs.fargate
	ecs.linux
	values.nonempty_string(ecs.spec.ipcMode)
	not values.unknown(ecs.spec.ipcMode)
	msg := sprintf("the task requires FARGATE but sets ipcMode %q; Fargate does not support ipcMode, remove it", [ecs.spec.ipcMode])
}

deny contains {"msg": msg, "path": ["volumes", vi, "host", "sourcePath"]} if {
	ecs.fargate
	some vi, v in values.array_or_empty(ecs.spec.volumes)
	is_object(v)
	values.nonempty_string(object.get(v, ["host", "sourcePath"], null))
	msg := sprintf("volume %q mounts the host path %s, which Fargate does not support; use a volume without host.sourcePath (task storage) or EFS", [object.get(v, "name", ""), v.host.sourcePath])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "linuxParameters", "devices"]} if {
	ecs.fargate
	ecs.linux
	some i, c in ecs.containers
	devices := object.get(c, ["linuxParameters", "devices"], [])
	is_array(devices)
	count(devices) > 0
	msg := sprintf("%s maps host devices (linuxParameters.devices), which Fargate does not support; remove them", [ecs.label(c, i)])
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "linuxParameters", "capabilities", "add"]} if {
	ecs.fargate
	ecs.linux
	some i, c in ecs.containers
	extra := [x | some x in values.array_or_empty(object.get(c, ["linuxParameters", "capabilities", "add"], [])); is_string(x); capability(x) != "SYS_PTRACE"]
	count(extra) > 0
	msg := sprintf("%s adds the capabilities %s; Fargate can only add SYS_PTRACE, remove the others", [ecs.label(c, i), concat(", ", extra)])
}

deny contains {"msg": msg, "path": []} if {
	ecs.fargate
	missing := [f | some f in ["cpu", "memory"]; not ecs.present(object.get(ecs.spec, f, null))]
	count(missing) > 0
	msg := sprintf("the task requires FARGATE but sets no task-level %s; Fargate requires both cpu and memory on the task, e.g. cpu 512 with memory 1024", [concat(" or ", missing)])
}

deny contains {"msg": msg, "path": ["cpu"]} if {
	ecs.fargate
	cpu := ecs.cpu_units(ecs.spec.cpu)
	not fargate_memory[cpu]
	msg := sprintf("the task requires FARGATE but cpu %v is not a Fargate size; use 256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units", [ecs.spec.cpu])
}

deny contains {"msg": msg, "path": ["memory"]} if {
	ecs.fargate
	cpu := ecs.cpu_units(ecs.spec.cpu)
	sizes := fargate_memory[cpu]
	memory := ecs.memory_mib(ecs.spec.memory)
	not memory in sizes
	msg := sprintf("the task requires FARGATE but memory %v is not offered with cpu %v; with %v CPU units Fargate offers %s", [ecs.spec.memory, ecs.spec.cpu, cpu, fargate_memory_text[cpu]])
}

# capability normalizes a capability name: upper case, without CAP_.
capability(x) := trim_prefix(upper(trim_space(x)), "CAP_")
