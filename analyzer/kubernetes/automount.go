package kubernetes

import (
	"fmt"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// K8S018 needs to know a pod's ServiceAccount, which is another object, so
// it is decided here rather than in Rego, which sees one object at a time.
// Only ServiceAccounts in the same file are consulted; one defined in
// another file of the scan, or only in the cluster, is not (the pod is then
// reported as mounting the token by default). The rule's metadata lives in
// rules/kubernetes/k8s018_service_account_token_automount.rego.
const automountRule = "K8S018"

type serviceAccount struct {
	namespace string
	automount any // the written value, nil when absent
	at        source.Range
}

// addAutomount attaches K8S018 diagnostics to the pod-bearing resources.
func addAutomount(rs []*resource.Resource) {
	accounts := map[string][]serviceAccount{}
	for _, r := range rs {
		obj, _ := r.Spec.(map[string]any)
		if obj["kind"] != "ServiceAccount" || obj["apiVersion"] != "v1" {
			continue
		}
		name, ns := metaString(obj, "name"), metaString(obj, "namespace")
		at, _ := r.Index.Locate(source.Path{"automountServiceAccountToken"})
		accounts[name] = append(accounts[name], serviceAccount{namespace: ns, automount: obj["automountServiceAccountToken"], at: at})
	}
	for _, r := range rs {
		obj, _ := r.Spec.(map[string]any)
		if d, ok := automount(obj, accounts); ok {
			r.Diagnostics = append(r.Diagnostics, d)
		}
	}
}

func automount(obj map[string]any, accounts map[string][]serviceAccount) (resource.Diagnostic, bool) {
	path, pod := podSpec(obj)
	if pod == nil {
		return resource.Diagnostic{}, false
	}
	field := path.Child("automountServiceAccountToken")
	switch v := pod["automountServiceAccountToken"]; {
	case isFalse(v):
		return resource.Diagnostic{}, false
	case isTrue(v):
		return resource.Diagnostic{RuleID: automountRule, Path: field, Message: "automountServiceAccountToken: true mounts the ServiceAccount token into every container; set it to false unless the pod calls the Kubernetes API"}, true
	}
	sa := accountName(pod)
	for _, a := range accounts[sa] {
		if ns := metaString(obj, "namespace"); ns != "" && a.namespace != "" && ns != a.namespace {
			continue
		}
		if isFalse(a.automount) {
			return resource.Diagnostic{}, false
		}
		if isTrue(a.automount) {
			return resource.Diagnostic{RuleID: automountRule, Path: path, Message: fmt.Sprintf(
				"the pod mounts its ServiceAccount token: ServiceAccount %q sets automountServiceAccountToken: true (line %d); set automountServiceAccountToken: false in the pod spec unless it calls the Kubernetes API",
				sa, a.at.Start.Line)}, true
		}
	}
	return resource.Diagnostic{RuleID: automountRule, Path: path, Message: fmt.Sprintf(
		"the pod mounts the token of ServiceAccount %q by default (automountServiceAccountToken is not set, and no ServiceAccount in this file turns it off); set automountServiceAccountToken: false unless the pod calls the Kubernetes API",
		sa)}, true
}

// accountName is the pod's ServiceAccount: serviceAccountName, the
// deprecated serviceAccount, else "default".
func accountName(pod map[string]any) string {
	for _, k := range []string{"serviceAccountName", "serviceAccount"} {
		if s, ok := pod[k].(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return "default"
}

func metaString(obj map[string]any, key string) string {
	meta, _ := obj["metadata"].(map[string]any)
	s, _ := meta[key].(string)
	return strings.TrimSpace(s)
}

func isTrue(v any) bool {
	s, ok := v.(string)
	return v == true || (ok && strings.EqualFold(strings.TrimSpace(s), "true"))
}

func isFalse(v any) bool {
	s, ok := v.(string)
	return v == false || (ok && strings.EqualFold(strings.TrimSpace(s), "false"))
}
