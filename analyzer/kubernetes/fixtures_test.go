package kubernetes_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/fixture"
	"github.com/shipcheck/shipcheck/analyzer/kubernetes"
)

// TestRuleFixtures runs the K8S fixture folders through this adapter and
// the engine directly, so the rules and their fixtures are checked here
// even before the scan pipeline routes YAML files to the adapter (the
// scan package's own fixture test runs the same folders end to end).
func TestRuleFixtures(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "K8S*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no K8S fixture folders: %v", err)
	}
	for _, dir := range dirs {
		id := filepath.Base(dir)
		t.Run(id, func(t *testing.T) {
			want, err := fixture.ReadWant(filepath.Join(dir, fixture.WantFile))
			if err != nil {
				t.Fatal(err)
			}
			got, msgs := scanDir(t, eng, dir, id)
			if testing.Verbose() {
				t.Log("\n" + strings.Join(msgs, "\n"))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s findings:\n  got:  %v\n  want: %v\n%s", id, got, want, strings.Join(msgs, "\n"))
			}
		})
	}
}

func scanDir(t *testing.T, eng *engine.Engine, dir, id string) (got, msgs []string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(p) == fixture.WantFile {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rs, errs := kubernetes.Load(p, data)
		for _, e := range errs {
			t.Errorf("%s: %v", p, e)
		}
		for _, r := range rs {
			fs, err := eng.Eval(context.Background(), r)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				if f.RuleID != id {
					continue
				}
				rel, _ := filepath.Rel(dir, f.Range.File)
				loc := filepath.ToSlash(rel) + ":" + strconv.Itoa(f.Range.Start.Line)
				got = append(got, loc)
				msgs = append(msgs, "    "+loc+"  "+f.Severity.String()+"  "+f.Message)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	sort.Strings(msgs)
	return got, msgs
}

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
