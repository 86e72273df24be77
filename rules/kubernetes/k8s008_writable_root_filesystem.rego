# METADATA
# title: Container root filesystem is writable
# description: |
#   With a writable root filesystem an attacker who gets code execution can
#   replace the application's binaries and libraries, drop tools and
#   persist until the container restarts; it also hides state in a place
#   that is lost on restart. readOnlyRootFilesystem: true makes the image
#   immutable at run time; directories the application must write (/tmp,
#   caches) become emptyDir volumes. The field is container-only. Windows
#   pods (spec.os.name, a kubernetes.io/os node selector or windowsOptions)
#   are not checked, nor are Cloud Run services, which take no
#   securityContext.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   - ref: https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
# custom:
#   id: K8S008
#   name: writable-root-filesystem
#   severity: low
#   kinds: [kubernetes]
#   tags: [security, kubernetes]
#   remediation: |
#     Make the root filesystem read-only and mount emptyDir volumes where the
#     application writes.
#
#     YAML:
#       securityContext:
#         readOnlyRootFilesystem: true
#       volumeMounts:
#         - {name: tmp, mountPath: /tmp}
#       # in the pod spec: volumes: [{name: tmp, emptyDir: {}}]
#
#     JSON:
#       "securityContext": {"readOnlyRootFilesystem": true}
package shipcheck.kubernetes.writable_root_filesystem

import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": k8s.nearest(x, ["securityContext", "readOnlyRootFilesystem"])} if {
	some x in k8s.containers
	k8s.security_context_applies
	v := object.get(k8s.security(x), "readOnlyRootFilesystem", null)
	not values.is_true(v)
	not values.unknown(v)
	msg := sprintf("%s has a writable root filesystem; set readOnlyRootFilesystem: true and mount emptyDir volumes where it must write", [k8s.label(x)])
}
