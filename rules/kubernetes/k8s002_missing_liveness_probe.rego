# METADATA
# title: Long-running container without a liveness probe
# description: |
#   Without a livenessProbe Kubernetes restarts a container only when its
#   process exits. A container that deadlocks, leaks until it stops
#   answering, or loses a connection it never re-establishes stays "Running"
#   and keeps its slot until someone notices. Containers that run to
#   completion (Jobs, CronJobs, Pods and the pod templates of other kinds
#   with restartPolicy Never or OnFailure) and plain init containers are
#   not checked; native sidecars (init containers with restartPolicy:
#   Always) are. Keep the probe cheap and
#   independent of downstream services, or it restarts healthy pods during
#   someone else's outage.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#   - ref: https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
# custom:
#   id: K8S002
#   name: missing-liveness-probe
#   severity: medium
#   kinds: [kubernetes]
#   tags: [reliability, kubernetes]
#   remediation: |
#     Add a livenessProbe that fails only when the process must be restarted.
#
#     YAML:
#       livenessProbe:
#         httpGet: {path: /healthz, port: 8080}
#         periodSeconds: 10
#         failureThreshold: 3
#
#     JSON:
#       "livenessProbe": {"httpGet": {"path": "/healthz", "port": 8080}, "periodSeconds": 10}
package shipcheck.kubernetes.missing_liveness_probe

import data.shipcheck.lib.k8s

deny contains {"msg": msg, "path": x.path} if {
	some x in k8s.containers
	k8s.long_running(x)
	not k8s.written(object.get(x.container, "livenessProbe", null))
	msg := sprintf("%s has no livenessProbe, so Kubernetes restarts it only when its process exits, not when it hangs; add a livenessProbe", [k8s.label(x)])
}
