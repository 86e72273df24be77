package ecs

import (
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/resource"
)

func TestLoadYAML(t *testing.T) {
	tests := []struct {
		name, doc string
		ok        bool
		kinds     []string
		errs      int
	}{
		{"task definition", "family: app\ncontainerDefinitions:\n  - name: web\n    image: nginx:1\n", true, []string{resource.ECSTaskDefinition}, 0},
		{"describe output", "taskDefinition:\n  family: app\n  containerDefinitions: []\n", true, []string{resource.ECSTaskDefinition}, 0},
		{"service", "serviceName: web\ncluster: c\ndesiredCount: 2\n", true, []string{resource.ECSService}, 0},
		{"JSON in a .yaml file", "{\"family\": \"app\", \"containerDefinitions\": []}\n", true, []string{resource.ECSTaskDefinition}, 0},
		{"byte order mark", "\xef\xbb\xbffamily: app\ncontainerDefinitions: []\n", true, []string{resource.ECSTaskDefinition}, 0},
		{"syntax error", "containerDefinitions:\n  - name: web\n   image: [\n", true, nil, 1},
		{"Kubernetes manifest", "apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n", false, nil, 0},
		{"CloudFormation properties", "Family: app\nContainerDefinitions:\n  - Name: web\n", false, nil, 0},
		{"other YAML with serviceName", "serviceName: web\nreplicas: 2\nimage: nginx\nport: 80\n", false, nil, 0},
		{"YAML 1.1 boolean", "family: app\ncontainerDefinitions:\n  - name: web\n    privileged: yes\n", true, []string{resource.ECSTaskDefinition}, 0},
		{"two documents", "family: a\ncontainerDefinitions: []\n---\nfamily: b\ncontainerDefinitions: []\n", false, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, errs, ok := LoadYAML("f.yaml", []byte(tt.doc))
			if ok != tt.ok || len(errs) != tt.errs || len(rs) != len(tt.kinds) {
				t.Fatalf("got ok=%v, %d errors %v, %d resources; want ok=%v, %d errors, %d resources",
					ok, len(errs), errs, len(rs), tt.ok, tt.errs, len(tt.kinds))
			}
			for i, r := range rs {
				if r.Kind != tt.kinds[i] {
					t.Errorf("resource %d is %s, want %s", i, r.Kind, tt.kinds[i])
				}
			}
		})
	}
}

func TestLoadYAMLBooleans(t *testing.T) {
	rs, _, _ := LoadYAML("f.yaml", []byte("family: app\ncontainerDefinitions:\n  - name: web\n    privileged: yes\n"))
	spec := rs[0].Spec.(map[string]any)
	c := spec["containerDefinitions"].([]any)[0].(map[string]any)
	if c["privileged"] != true {
		t.Errorf("privileged = %#v, want true", c["privileged"])
	}
}
