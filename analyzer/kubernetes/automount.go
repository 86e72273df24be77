package kubernetes

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// K8S018 needs to know a pod's ServiceAccount, which is another object, so
// it is decided here rather than in Rego, which sees one object at a time.
// Load consults the ServiceAccounts of the same file; a scan also passes
// the ones of its other files (ServiceAccounts, ApplyServiceAccounts), as
// GitOps repositories keep serviceaccount.yaml beside deployment.yaml. One
// defined only in the cluster is not known: the pod is then reported as
// mounting the token by default. The rule's metadata lives in
// rules/kubernetes/k8s018_service_account_token_automount.rego.
const automountRule = "K8S018"

// ServiceAccount is a ServiceAccount that sets automountServiceAccountToken.
type ServiceAccount struct {
	name      string
	namespace string
	automount any // the written value, nil when absent
	at        source.Range
}

// accountIndex holds ServiceAccounts by name.
type accountIndex map[string][]ServiceAccount

func (idx accountIndex) add(sas []ServiceAccount) {
	for _, sa := range sas {
		idx[sa.name] = append(idx[sa.name], sa)
	}
}

// ServiceAccounts returns the ServiceAccounts in data that set
// automountServiceAccountToken (one that does not set it changes nothing:
// the token is mounted by default either way), for a scan to pass to
// ApplyServiceAccounts of its other files.
func ServiceAccounts(file string, data []byte) []ServiceAccount {
	if !bytes.Contains(data, []byte("ServiceAccount")) || !bytes.Contains(data, []byte("automountServiceAccountToken")) {
		return nil
	}
	rs, _ := Load(file, data)
	return serviceAccounts(rs)
}

func serviceAccounts(rs []*resource.Resource) []ServiceAccount {
	var out []ServiceAccount
	for _, r := range rs {
		obj, _ := r.Spec.(map[string]any)
		if obj["kind"] != "ServiceAccount" || obj["apiVersion"] != "v1" {
			continue
		}
		at, _ := r.Index.Locate(source.Path{"automountServiceAccountToken"})
		at.File = r.File
		out = append(out, ServiceAccount{name: metaString(obj, "name"), namespace: metaString(obj, "namespace"),
			automount: obj["automountServiceAccountToken"], at: at})
	}
	return out
}

// ApplyServiceAccounts decides K8S018 for the pods in rs again, with the
// ServiceAccounts of the other files of the scan after those of the pod's
// own file.
func ApplyServiceAccounts(rs []*resource.Resource, scanned []ServiceAccount) {
	if len(scanned) == 0 {
		return
	}
	for _, r := range rs {
		kept := r.Diagnostics[:0]
		for _, d := range r.Diagnostics {
			if d.RuleID != automountRule {
				kept = append(kept, d)
			}
		}
		r.Diagnostics = kept
	}
	addAutomount(rs, scanned)
}

// addAutomount attaches K8S018 diagnostics to the pod-bearing resources:
// the ServiceAccounts of rs come first, then others.
func addAutomount(rs []*resource.Resource, others []ServiceAccount) {
	local, scanned := accountIndex{}, accountIndex{}
	local.add(serviceAccounts(rs))
	scanned.add(others)
	for _, r := range rs {
		if r.Kind != resource.Kubernetes {
			continue
		}
		obj, _ := r.Spec.(map[string]any)
		if d, ok := automount(obj, local, scanned); ok {
			r.Diagnostics = append(r.Diagnostics, d)
		}
	}
}

func automount(obj map[string]any, local, scanned accountIndex) (resource.Diagnostic, bool) {
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
	name := accountName(pod)
	ns := metaString(obj, "namespace")
	for i, idx := range []accountIndex{local, scanned} {
		sa, ok := idx.lookup(name, ns)
		if !ok {
			continue
		}
		if isFalse(sa.automount) {
			return resource.Diagnostic{}, false
		}
		return resource.Diagnostic{RuleID: automountRule, Path: path, Message: fmt.Sprintf(
			"the pod mounts its ServiceAccount token: ServiceAccount %q sets automountServiceAccountToken: true (%s); set automountServiceAccountToken: false in the pod spec unless it calls the Kubernetes API",
			name, where(sa.at, i == 0))}, true
	}
	return resource.Diagnostic{RuleID: automountRule, Path: path, Message: fmt.Sprintf(
		"the pod mounts the token of ServiceAccount %q by default (automountServiceAccountToken is not set, and no scanned ServiceAccount turns it off); set automountServiceAccountToken: false unless the pod calls the Kubernetes API",
		name)}, true
}

// lookup returns the ServiceAccount name that decides for a pod in
// namespace ns: one that sets automountServiceAccountToken in the same
// namespace, or where either namespace is left to deploy time.
func (idx accountIndex) lookup(name, ns string) (ServiceAccount, bool) {
	for _, sa := range idx[name] {
		if ns != "" && sa.namespace != "" && ns != sa.namespace {
			continue
		}
		if isTrue(sa.automount) || isFalse(sa.automount) {
			return sa, true
		}
	}
	return ServiceAccount{}, false
}

// where names the line of at, with its file's name when it is another file.
func where(at source.Range, sameFile bool) string {
	if sameFile || at.File == "" {
		return fmt.Sprintf("line %d", at.Start.Line)
	}
	return fmt.Sprintf("%s:%d", filepath.Base(at.File), at.Start.Line)
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
