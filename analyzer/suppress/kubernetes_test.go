package suppress_test

import (
	"testing"
	"time"

	"github.com/shipcheck/shipcheck/analyzer/kubernetes"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/analyzer/suppress"
)

const manifests = `# shipcheck:ignore K8S009 the whole Deployment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    shipcheck.dev/ignore: "K8S020 reviewed by security"
spec:
  template:
    spec:
      containers:
        # shipcheck:ignore K8S001,K8S002
        - name: app
          image: nginx:1.27
          securityContext:
            # shipcheck:ignore K8S005 needs the GPU driver
            privileged: true
        - name: sidecar
          image: busybox:1.36 # shipcheck:ignore K8S010
---
# shipcheck:ignore K8S003
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: busybox:1.36
`

// TestKubernetesPlacements applies ignore comments to findings placed on
// resources read by the real Kubernetes adapter: nested YAML, sequence
// items, documents of a multi-document file, trailing comments and the
// shipcheck.dev/ignore annotation.
func TestKubernetesPlacements(t *testing.T) {
	rs, errs := kubernetes.Load("k8s.yaml", []byte(manifests))
	if len(errs) > 0 || len(rs) != 2 {
		t.Fatalf("load: %d resources, %v", len(rs), errs)
	}
	container := func(i int, rest ...any) source.Path {
		return append(source.Path{"spec", "template", "spec", "containers", i}, rest...)
	}
	cases := []struct {
		doc        int
		rule       string
		path       source.Path
		suppressed bool
	}{
		{0, "K8S005", container(0, "securityContext", "privileged"), true}, // line above
		{0, "K8S001", container(0), true},                                  // above the "- name:" item
		{0, "K8S002", container(0, "securityContext"), true},               // same comment, whole container
		{0, "K8S001", container(1), false},                                 // the other container
		{0, "K8S010", container(1, "image"), true},                         // trailing comment
		{0, "K8S009", source.Path{"spec", "template", "spec"}, true},       // above the document
		{0, "K8S020", container(1, "image"), true},                         // annotation
		{1, "K8S003", source.Path{"spec", "containers", 0}, true},          // above the second document
		{1, "K8S009", source.Path{"spec"}, false},                          // the first document's comment
		{1, "K8S020", source.Path{"spec"}, false},                          // the first object's annotation
	}
	set := suppress.NewSet(suppress.Options{Now: time.Now()})
	read := func(string) ([]byte, error) { return []byte(manifests), nil }
	for doc, r := range rs {
		var fs []result.Finding
		var idx []int
		for i, c := range cases {
			if c.doc == doc {
				fs = append(fs, result.Finding{RuleID: c.rule, Path: c.path, Range: r.Locate(c.path), Resource: r.Name})
				idx = append(idx, i)
			}
		}
		set.Apply(r, fs, read)
		for j, f := range fs {
			c := cases[idx[j]]
			if got := f.Suppression != nil; got != c.suppressed {
				t.Errorf("%s %s at %s (%v): suppressed=%v, want %v", r.Name, c.rule, f.Range, c.path, got, c.suppressed)
			}
		}
	}
	if stale := set.Findings(); len(stale) != 0 {
		t.Errorf("stale: %+v", stale)
	}
}
