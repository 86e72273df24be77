package kubernetes

import (
	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// A strategic-merge patch is a fragment: it leaves out what the manifest
// it patches already has (probes, resources, security settings), so rules
// that report a missing field would be wrong on it. What it writes is
// deployed, though, often a whole container it adds (a proxy sidecar
// running as root with NET_ADMIN): the rules that judge a written value
// still apply, and their findings are kept when they point at a value the
// patch writes.

// fragmentRules judge values a manifest writes.
var fragmentRules = map[string]bool{
	"K8S003": true, // env value
	"K8S005": true, // runAsUser: 0
	"K8S006": true, // privileged: true
	"K8S007": true, // allowPrivilegeEscalation: true
	"K8S009": true, // capabilities added
	"K8S011": true, // hostNetwork, hostPID, hostIPC
	"K8S012": true, // hostPath
	"K8S014": true, // hostPort
}

// FragmentFindings keeps, of the findings on a fragment, those of
// fragmentRules at a scalar value the fragment writes; findings at a
// container or a securityContext are about fields it leaves out.
func FragmentFindings(r *resource.Resource, fs []result.Finding) []result.Finding {
	out := fs[:0]
	for _, f := range fs {
		if fragmentRules[f.RuleID] && scalar(valueAt(r.Spec, f.Path)) {
			out = append(out, f)
		}
	}
	return out
}

func markFragments(rs []*resource.Resource) {
	for _, r := range rs {
		r.Fragment = true
	}
}

func valueAt(v any, p source.Path) any {
	for _, e := range p {
		switch k := e.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k < 0 || k >= len(l) {
				return nil
			}
			v = l[k]
		default:
			return nil
		}
	}
	return v
}

func scalar(v any) bool {
	switch v.(type) {
	case nil, map[string]any, []any:
		return false
	}
	return true
}
