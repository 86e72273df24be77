package kubernetes_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/kubernetes"
)

// TestInheritedValueNamesItsLine checks that a finding on a value inherited
// from the pod points at the container and names the pod's line.
func TestInheritedValueNamesItsLine(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsUser: 0
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
`
	rs, errs := kubernetes.Load("pod.yaml", []byte(doc))
	if len(errs) != 0 || len(rs) != 1 {
		t.Fatalf("Load: %v", errs)
	}
	fs, err := eng.Eval(context.Background(), rs[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.RuleID == "K8S005" {
			if f.Range.Start.Line != 8 || !strings.Contains(f.Message, "spec.securityContext.runAsUser, line 6") {
				t.Errorf("K8S005 at line %d: %s", f.Range.Start.Line, f.Message)
			}
			return
		}
	}
	t.Error("no K8S005 finding")
}
