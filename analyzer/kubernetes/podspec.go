package kubernetes

import (
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

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
	p := podPath(obj)
	spec, _ := lookup(obj, p).(map[string]any)
	if p == nil || spec == nil {
		return nil, nil
	}
	return p, spec
}

// podPath returns where the manifest's kind keeps its pod spec, or nil for
// kinds without one.
func podPath(obj map[string]any) source.Path {
	kind, _ := obj["kind"].(string)
	switch {
	case kind == "Pod":
		return source.Path{"spec"}
	case kind == "CronJob":
		return source.Path{"spec", "jobTemplate", "spec", "template", "spec"}
	case kind == "PodTemplate":
		return source.Path{"template", "spec"}
	case kind == "Job" && isCloudRun(obj):
		// A Cloud Run job's template is an execution, whose template is
		// the task that runs the containers.
		return source.Path{"spec", "template", "spec", "template", "spec"}
	}
	p := source.Path{"spec", "template", "spec"}
	if workloads[kind] {
		return p
	}
	if spec, _ := lookup(obj, p).(map[string]any); spec != nil {
		if _, ok := spec["containers"]; ok {
			return p
		}
	}
	return nil
}

// isCloudRun holds for the objects of Cloud Run's own API group
// (gcloud run jobs replace).
func isCloudRun(obj map[string]any) bool {
	v, _ := obj["apiVersion"].(string)
	return strings.HasPrefix(strings.TrimSpace(v), "run.googleapis.com/")
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
