# METADATA
# title: Task shares the host's PID or IPC namespace
# description: |
#   pidMode host lets the task's containers see every process on the EC2
#   instance, including other tasks and the ECS agent, read their command
#   lines and environment (secrets included) and, with ptrace, attach to
#   them. ipcMode host shares the instance's System V shared memory and
#   semaphores, so a container can read or corrupt another workload's
#   shared memory. Fargate rejects both; Windows does not support them and
#   is not checked. Use task for sharing between the task's own containers.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_ipcmode
#   - ref: https://docs.docker.com/engine/containers/run/#pid-settings---pid
# custom:
#   id: ECS011
#   name: host-namespace
#   severity: high
#   kinds: [aws.ecs.task-definition]
#   tags: [security, ecs]
#   remediation: |
#     Remove pidMode/ipcMode, or use "task" when the task's containers must
#     share processes or IPC with each other (a profiler or debugging
#     sidecar).
#
#     JSON:
#       "pidMode": "task"
#
#     Terraform (aws_ecs_task_definition):
#       pid_mode = "task"
package shipcheck.ecs.host_namespace

import data.shipcheck.lib.ecs

namespaces := {
	"pidMode": "pidMode is host: the containers see and can signal every process on the instance, including other tasks and the ECS agent; remove it or use task",
	"ipcMode": "ipcMode is host: the containers share the instance's IPC namespace and can read other workloads' shared memory; remove it or use task",
}

deny contains {"msg": msg, "path": [field]} if {
	ecs.linux
	some field, msg in namespaces
	mode := object.get(ecs.spec, field, null)
	is_string(mode)
	lower(trim_space(mode)) == "host"
}
