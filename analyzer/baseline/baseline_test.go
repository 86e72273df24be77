package baseline_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/baseline"
	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/scan"
)

var (
	once sync.Once
	eng  *engine.Engine
	err  error
)

func scanPaths(t *testing.T, paths ...string) *result.Report {
	t.Helper()
	once.Do(func() { eng, err = engine.New(context.Background(), engine.Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	rep, err := scan.Run(context.Background(), scan.Options{Paths: paths, Engine: eng})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) > 0 {
		t.Fatalf("tool errors: %+v", rep.Errors)
	}
	return rep
}

const task = `{
  "family": "app",
  "containerDefinitions": [
    {"name": "web", "image": "acme/web:latest", "essential": true}
  ]
}
`

// shifted is task with lines added above and inside: every finding moves.
const shifted = `{

  "cpu": "256",
  "family": "app",
  "containerDefinitions": [

    {"name": "web",
     "image": "acme/web:latest", "essential": true}
  ]
}
`

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func states(rep *result.Report) map[string]int {
	out := map[string]int{}
	for _, f := range rep.Findings {
		out[f.Baseline]++
	}
	return out
}

func TestLinesShiftAndOtherFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a", "task.json")
	write(t, a, task)
	rep := scanPaths(t, a)
	if len(rep.Findings) == 0 {
		t.Fatal("the sample task yields no finding")
	}
	file := filepath.Join(dir, "baseline.json")
	if err := baseline.Write(file, rep); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	if !strings.Contains(string(data), `"version": 1`) || !strings.Contains(string(data), `"file": "a/task.json"`) {
		t.Errorf("baseline file:\n%s", data)
	}
	b, err := baseline.Read(file)
	if err != nil {
		t.Fatal(err)
	}

	// The same findings on other lines are unchanged.
	write(t, a, shifted)
	rep = scanPaths(t, a)
	b.Apply(rep)
	if s := states(rep); s[baseline.New] != 0 || s[baseline.Unchanged] == 0 {
		t.Errorf("after lines moved: %v, want all unchanged", s)
	}

	// A copy in another folder, same resource name, is new.
	other := filepath.Join(dir, "b", "task.json")
	write(t, other, task)
	rep = scanPaths(t, a, other)
	b.Apply(rep)
	for _, f := range rep.Findings {
		inOther := strings.HasPrefix(f.Range.File, filepath.Join(dir, "b"))
		if inOther != (f.Baseline == baseline.New) {
			t.Errorf("%s %s: baseline state %q", f.RuleID, f.Range.File, f.Baseline)
		}
	}

	// A new problem in the baselined file is new; the old ones are not.
	write(t, a, strings.Replace(shifted, `"essential": true}`, `"essential": true, "privileged": true}`, 1))
	rep = scanPaths(t, a)
	b.Apply(rep)
	var fresh []string
	for _, f := range rep.Findings {
		if f.Baseline == baseline.New {
			fresh = append(fresh, f.RuleID)
		}
	}
	if len(fresh) != 1 {
		t.Errorf("new findings after adding privileged: %v, want exactly one", fresh)
	}
}

// TestWhereTheScanStarts checks that a baseline matches whether the files
// are named relative to the working directory or absolutely.
func TestWhereTheScanStarts(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "infra", "task.json"), task)
	file := filepath.Join(dir, "baseline.json")
	if err := baseline.Write(file, scanPaths(t, filepath.Join(dir, "infra"))); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	rep := scanPaths(t, "./infra")
	b, err := baseline.Read(file)
	if err != nil {
		t.Fatal(err)
	}
	b.Apply(rep)
	if s := states(rep); s[baseline.New] != 0 {
		t.Errorf("relative scan: %v", s)
	}
}

func TestReadRejects(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"future.json":  `{"version": 2, "findings": []}`,
		"garbage.json": `not json`,
	} {
		p := filepath.Join(dir, name)
		write(t, p, text)
		if _, err := baseline.Read(p); err == nil {
			t.Errorf("%s accepted", name)
		}
	}
	if _, err := baseline.Read(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("missing baseline accepted")
	}
}
