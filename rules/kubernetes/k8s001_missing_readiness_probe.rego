# METADATA
# title: Long-running container without a readiness probe
# description: |
#   Without a readinessProbe a container receives Service traffic as soon as
#   its process starts: requests fail while it is still loading or warming
#   caches, and a container that loses its database keeps getting traffic.
#   Rolling updates also count a pod as available the moment it starts, so
#   a release that never becomes ready replaces every healthy pod.
#   Containers that run to completion (Jobs, CronJobs, Pods and the pod
#   templates of other kinds with restartPolicy Never or OnFailure) and
#   plain init containers are not
#   checked; native sidecars (init containers with restartPolicy: Always)
#   are. Knative Services are not checked: Knative adds a readiness probe.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#   - ref: https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
# custom:
#   id: K8S001
#   name: missing-readiness-probe
#   severity: medium
#   kinds: [kubernetes]
#   tags: [reliability, kubernetes]
#   remediation: |
#     Add a readinessProbe that checks the container can serve.
#
#     YAML:
#       readinessProbe:
#         httpGet: {path: /ready, port: 8080}
#         periodSeconds: 10
#         failureThreshold: 3
#
#     JSON:
#       "readinessProbe": {"httpGet": {"path": "/ready", "port": 8080}, "periodSeconds": 10}
package shipcheck.kubernetes.missing_readiness_probe

import data.shipcheck.lib.k8s

deny contains {"msg": msg, "path": x.path} if {
	some x in k8s.containers
	k8s.long_running(x)
	not knative
	not k8s.written(object.get(x.container, "readinessProbe", null))
	msg := sprintf("%s has no readinessProbe, so it gets traffic before it can serve and keeps it when it cannot; add a readinessProbe", [k8s.label(x)])
}

knative if startswith(k8s.spec.apiVersion, "serving.knative.dev/")
