package kubernetes

import "github.com/shipcheck/shipcheck/analyzer/source"

// workloads are the kinds whose pod template is at spec.template.spec.
// Other kinds qualify when that spec holds containers (Argo Rollouts,
// OpenShift DeploymentConfig, Knative Service); rules/lib/k8s.rego follows
// the same table.
var workloads = map[string]bool{
	"Deployment": true, "StatefulSet": true, "DaemonSet": true, "ReplicaSet": true,
	"ReplicationController": true, "Job": true,
}

// podSpec returns the pod spec of a manifest and its path, or nil.
func podSpec(obj map[string]any) (source.Path, map[string]any) {
	kind, _ := obj["kind"].(string)
	var p source.Path
	switch {
	case kind == "Pod":
		p = source.Path{"spec"}
	case kind == "CronJob":
		p = source.Path{"spec", "jobTemplate", "spec", "template", "spec"}
	case kind == "PodTemplate":
		p = source.Path{"template", "spec"}
	default:
		p = source.Path{"spec", "template", "spec"}
	}
	spec, _ := lookup(obj, p).(map[string]any)
	if spec == nil {
		return nil, nil
	}
	if _, ok := spec["containers"]; !ok && !workloads[kind] && len(p) == 3 && p[0] == "spec" {
		return nil, nil
	}
	return p, spec
}

func lookup(v any, p source.Path) any {
	for _, e := range p {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[e.(string)]
	}
	return v
}
