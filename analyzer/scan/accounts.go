package scan

import (
	"github.com/shipcheck/shipcheck/analyzer/kubernetes"
)

// serviceAccounts collects, for K8S018, the ServiceAccounts that set
// automountServiceAccountToken in the scanned Kubernetes files, so that a
// pod whose ServiceAccount is defined in another file of the scan is
// decided by it. Nothing is read when the rule is off (the default); when
// it is on, every file that may hold manifests is read once more here and
// parsed only when it mentions automountServiceAccountToken. Standard
// input (read once) only counts for its own pods.
func serviceAccounts(units []unit, opts Options) []kubernetes.ServiceAccount {
	if r, ok := opts.rules.byID["K8S018"]; !ok || !r.Enabled {
		return nil
	}
	var out []kubernetes.ServiceAccount
	for _, u := range units {
		f := u.files[0]
		if f.Path == StdinName || !mayHoldManifests(u.format) {
			continue
		}
		data, err := read(f, opts)
		if err != nil {
			continue // reported when the unit itself is loaded
		}
		out = append(out, kubernetes.ServiceAccounts(f.Path, data)...)
	}
	return out
}

// mayHoldManifests holds for the formats a Kubernetes manifest can be
// read from.
func mayHoldManifests(format string) bool {
	return format == FormatKubernetes || format == formatYAML || format == formatJSON || format == ""
}
