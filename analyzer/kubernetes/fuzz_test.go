package kubernetes

import (
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// FuzzLoad checks that no input crashes the adapter and that every
// indexed range of every resource lies inside the file.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		deployment,
		"apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  spec: {containers: [{name: a}]}\n",
		"apiVersion: v1\nkind: Pod\nspec: &s {a: *s}\n",
		"apiVersion: v1\nkind: Pod\nx: &a [1,2]\ny: [*a,*a]\nz: {<<: [{a: 1}, *a]}\n",
		"apiVersion: v1\nkind: ConfigMap\ndata:\n  k: >-\n    folded\n\n    text\n  q: \"a\\\"b\"\n",
		`{"apiVersion": "v1", "kind": "Pod", "spec": {}}`,
		"{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}\n {\"apiVersion\": \"v1\",\n \"kind\": \"Pod\", \"spec\": {\"hostPID\": \"x\"}}",
		"%YAML 1.2\n---\napiVersion: v1\nkind: Secret\nstringData: {a: b}\n...\n",
		"apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: é\r\n",
		"apiVersion: v1\nkind: Pod\nmetadata: x\nspec:\n  securityContext: s\n  containers: [1, {securityContext: {capabilities: {add: a}}, env: [{value: 1}], ports: [{containerPort: \"80\"}]}]\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, errs := Load("f.yaml", data)
		lines := 1
		for _, b := range data {
			if b == '\n' {
				lines++
			}
		}
		for _, err := range errs {
			if err == nil {
				t.Fatal("nil error")
			}
		}
		for _, r := range rs {
			if r.Spec == nil || r.Index == nil {
				t.Fatalf("%s: empty resource", r.Name)
			}
			rg, ok := r.Index.Locate(source.Path{})
			if ok && (rg.Start.Line < 1 || rg.Start.Line > lines || rg.End.Line > lines) {
				t.Fatalf("%s: range %v outside %d lines", r.Name, rg, lines)
			}
		}
	})
}
