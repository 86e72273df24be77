# METADATA
# title: Pod mounts its ServiceAccount token
# description: |
#   Unless automountServiceAccountToken is false, every container gets a
#   token for the pod's ServiceAccount at
#   /var/run/secrets/kubernetes.io/serviceaccount. Most applications never
#   call the Kubernetes API, but an attacker with code execution can: with
#   whatever RBAC the account has (often more than intended, sometimes
#   cluster-admin through the default account) they list Secrets, start
#   pods or move to other namespaces.
#
#   The effective setting is the pod's automountServiceAccountToken, else
#   that of its ServiceAccount (serviceAccountName, default "default") when
#   that ServiceAccount is defined in the same file or in another file of
#   the scan, else true. A ServiceAccount defined only in the cluster cannot
#   be looked up, which is why the rule is off by default. The check runs
#   in the Kubernetes adapter (analyzer/kubernetes/automount.go) because it
#   needs two objects at once.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting
#   - ref: https://kubernetes.io/docs/concepts/security/service-accounts/
# custom:
#   id: K8S018
#   name: service-account-token-automount
#   severity: low
#   enabled: false
#   kinds: [kubernetes]
#   tags: [security, kubernetes]
#   remediation: |
#     Turn automounting off on the pod, or on the ServiceAccount for every
#     pod using it; pods that call the API can mount a projected token.
#
#     YAML:
#       spec:
#         automountServiceAccountToken: false
#
#     JSON:
#       "spec": {"automountServiceAccountToken": false}
package shipcheck.kubernetes.service_account_token_automount

# Findings come from the Go adapter (analyzer/kubernetes/automount.go).
