# METADATA
# title: Container without a memory limit or CPU request
# description: |
#   Without a memory limit one leaking container can take all of a node's
#   memory: the kernel's OOM killer then kills processes across unrelated
#   pods, and the node may go NotReady. Without a CPU request the scheduler
#   places the pod as if it needed no CPU, packing nodes until everything on
#   them is slow, and the container gets the smallest share under
#   contention. A CPU limit is not required (it throttles even idle nodes);
#   a CPU limit without a request counts as a request, since Kubernetes
#   defaults the request to it. Pod-level resources (spec.resources) count
#   for every container. Regular and init containers are checked;
#   ephemeral containers cannot set resources. Cloud Run services are not
#   checked: Cloud Run always applies CPU and memory limits.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/
#   - ref: https://kubernetes.io/docs/concepts/policy/limit-range/
# custom:
#   id: K8S013
#   name: missing-resources
#   severity: medium
#   kinds: [kubernetes]
#   tags: [reliability, kubernetes]
#   remediation: |
#     Request the CPU the container needs and limit its memory (a memory
#     request equal to the limit gives predictable eviction).
#
#     YAML:
#       resources:
#         requests: {cpu: 250m, memory: 256Mi}
#         limits: {memory: 256Mi}
#
#     JSON:
#       "resources": {"requests": {"cpu": "250m", "memory": "256Mi"}, "limits": {"memory": "256Mi"}}
package shipcheck.kubernetes.missing_resources

import data.shipcheck.lib.k8s

deny contains {"msg": msg, "path": where(x, missing)} if {
	some x in k8s.containers
	x.type != "ephemeralContainers"
	not k8s.cloud_run
	missing := [m | some m in ["memory limit", "CPU request"]; not has(x, m)]
	count(missing) > 0
	fields := [field[m] | some m in missing]
	msg := sprintf("%s has no %s; set %s", [k8s.label(x), concat(" and no ", missing), concat(" and ", fields)])
}

field := {"memory limit": "resources.limits.memory", "CPU request": "resources.requests.cpu"}

has(x, "memory limit") if set(x, ["resources", "limits", "memory"])

has(x, "CPU request") if set(x, ["resources", "requests", "cpu"])

has(x, "CPU request") if set(x, ["resources", "limits", "cpu"])

set(x, path) if k8s.written(object.get(x.container, path, null))

set(_, path) if k8s.written(object.get(k8s.pod, path, null))

where(x, missing) := k8s.nearest(x, ["resources", "limits"]) if "memory limit" in missing

where(x, missing) := k8s.nearest(x, ["resources", "requests"]) if not "memory limit" in missing
