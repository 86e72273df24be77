# METADATA
# title: Container binds a host port
# description: |
#   A hostPort binds the port on the node itself: only one such pod fits on
#   a node, so replicas beyond the node count stay Pending and rolling
#   updates stall; the port also bypasses NetworkPolicies on many network
#   plugins and exposes the container on the node's address. Use a Service
#   (NodePort or LoadBalancer if it must be reachable from outside).
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/overview/#services
#   - ref: https://kubernetes.io/docs/concepts/services-networking/service/
# custom:
#   id: K8S014
#   name: host-port
#   severity: low
#   kinds: [kubernetes]
#   tags: [reliability, security, kubernetes]
#   remediation: |
#     Remove hostPort and expose the containerPort through a Service.
#
#     YAML:
#       ports:
#         - containerPort: 8080
#
#     JSON:
#       "ports": [{"containerPort": 8080}]
package shipcheck.kubernetes.host_port

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": array.concat(x.path, ["ports", j, "hostPort"])} if {
	some x in k8s.containers
	some j, p in values.array_or_empty(object.get(x.container, "ports", null))
	is_object(p)
	port := values.number(object.get(p, "hostPort", null))
	port != 0
	msg := sprintf("%s binds hostPort %v on the node, so only one such pod fits per node; remove hostPort and expose the port through a Service", [k8s.label(x), port])
}
