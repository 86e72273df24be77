package suppress

import (
	"strings"
	"testing"
	"time"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

var today = time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)

func TestParse(t *testing.T) {
	text := strings.Join([]string{
		`# shipcheck:ignore ECS001,ecs002 legacy task, see OPS-1`, // 1: covers 4 (stacked)
		`// shipcheck:ignore ECS003, ECS004 until=2026-12-31 -- waiting on AWS`,
		`#shipcheck:ignore-file DKR003`,
		`resource "x" "y" {`,
		`  image = "a#shipcheck:ignore ECS005"`, // inside a word: not a comment
		`  user = "root" # shipcheck:ignore ECS006`,
		`  # shipcheck:ignore`, // 7: no ID
		``,
		`  # shipcheck:ignore ECS007 until=tomorrow`, // 9: bad date
		``,
		`}`,
	}, "\n")
	ds := Parse("main.tf", []byte(text))
	type want struct {
		line, target int
		rules        string
		reason       string
		fileWide     bool
		until        string
		problem      bool
	}
	wants := []want{
		{1, 4, "ECS001,ECS002", "legacy task, see OPS-1", false, "", false},
		{2, 4, "ECS003,ECS004", "waiting on AWS", false, "2026-12-31", false},
		{3, 4, "DKR003", "", true, "", false},
		{6, 6, "ECS006", "", false, "", false},
		{7, 8, "", "", false, "", true},
		{9, 10, "ECS007", "", false, "", true},
	}
	if len(ds) != len(wants) {
		t.Fatalf("got %d directives, want %d: %+v", len(ds), len(wants), ds)
	}
	for i, w := range wants {
		d := ds[i]
		until := ""
		if !d.Until.IsZero() {
			until = d.Until.Format(time.DateOnly)
		}
		if d.At.Start.Line != w.line || d.Target != w.target || strings.Join(d.Rules, ",") != w.rules ||
			d.Reason != w.reason || d.FileWide != w.fileWide || until != w.until || (d.Problem != "") != w.problem {
			t.Errorf("directive %d: got line %d target %d rules %v reason %q fileWide %v until %q problem %q; want %+v",
				i, d.At.Start.Line, d.Target, d.Rules, d.Reason, d.FileWide, until, d.Problem, w)
		}
	}
}

// fakeResource is a Kubernetes-like object written at lines 3-14 of
// deploy.yaml, with an index as an adapter would build it.
func fakeResource() *resource.Resource {
	ix := source.NewIndex()
	at := func(line int) source.Range {
		return source.Range{File: "deploy.yaml", Start: source.Pos{Line: line, Col: 1}, End: source.Pos{Line: line, Col: 10}}
	}
	ix.Add(source.Path{}, at(3))
	ix.Add(source.Path{"spec"}, at(6))
	ix.Add(source.Path{"spec", "containers"}, at(7))
	ix.Add(source.Path{"spec", "containers", 0}, at(9))
	ix.Add(source.Path{"spec", "containers", 0, "securityContext"}, at(10))
	ix.Add(source.Path{"spec", "containers", 0, "securityContext", "privileged"}, at(11))
	ix.Add(source.Path{"spec", "containers", 1}, at(13))
	return &resource.Resource{Kind: resource.Kubernetes, Name: "Pod/web", File: "deploy.yaml", Index: ix,
		Spec: map[string]any{"metadata": map[string]any{"name": "web"}}}
}

func finding(r *resource.Resource, rule string, p source.Path) result.Finding {
	return result.Finding{RuleID: rule, Severity: result.High, Path: p, Range: r.Locate(p), Resource: r.Name}
}

func apply(t *testing.T, text string, fs ...result.Finding) ([]result.Finding, []result.Finding) {
	t.Helper()
	set := NewSet(Options{Now: today, Known: func(id string) bool { return id != "NOPE001" }})
	set.Apply(fakeResource(), fs, func(string) ([]byte, error) { return []byte(text), nil })
	return fs, set.Findings()
}

// yamlLines builds deploy.yaml with extra comment lines in place of the
// numbered blank ones.
func yamlLines(comments map[int]string) string {
	lines := []string{
		"---",                    // 1
		"",                       // 2
		"apiVersion: v1",         // 3
		"kind: Pod",              // 4
		"metadata: {name: x}",    // 5
		"spec:",                  // 6
		"  containers:",          // 7
		"",                       // 8
		"  - name: app",          // 9
		"    securityContext:",   // 10
		"      privileged: true", // 11
		"",                       // 12
		"  - name: sidecar",      // 13
		"    image: busybox",     // 14
	}
	for n, c := range comments {
		lines[n-1] = c
	}
	return strings.Join(lines, "\n")
}

func TestPlacement(t *testing.T) {
	r := fakeResource()
	privileged := source.Path{"spec", "containers", 0, "securityContext", "privileged"}
	sidecar := source.Path{"spec", "containers", 1, "resources"}
	for _, c := range []struct {
		name       string
		comments   map[int]string
		suppressed []bool // privileged, sidecar
		stale      int
	}{
		{"none", nil, []bool{false, false}, 0},
		{"line above the finding", map[int]string{10: "    # shipcheck:ignore K8S005 needs the GPU driver"}, []bool{true, false}, 0},
		{"trailing on the finding's line", map[int]string{11: "      privileged: true # shipcheck:ignore K8S005"}, []bool{true, false}, 0},
		{"above the container", map[int]string{8: "  # shipcheck:ignore K8S005,K8S001"}, []bool{true, false}, 0},
		{"above the document covers all of it", map[int]string{2: "# shipcheck:ignore K8S005,K8S001"}, []bool{true, true}, 0},
		{"file-wide", map[int]string{12: "# shipcheck:ignore-file K8S001"}, []bool{false, true}, 0},
		{"other rule: unused", map[int]string{10: "    # shipcheck:ignore K8S002"}, []bool{false, false}, 1},
		{"above the other container only", map[int]string{12: "  # shipcheck:ignore K8S005"}, []bool{false, false}, 1},
		{"expired", map[int]string{10: "    # shipcheck:ignore K8S005 until=2026-06-14"}, []bool{false, false}, 1},
		{"expires today: still applies", map[int]string{10: "    # shipcheck:ignore K8S005 until=2026-06-15"}, []bool{true, false}, 0},
		{"unknown rule", map[int]string{2: "# shipcheck:ignore NOPE001"}, []bool{false, false}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs, stale := apply(t, yamlLines(c.comments), finding(r, "K8S005", privileged), finding(r, "K8S001", sidecar))
			for i, want := range c.suppressed {
				if got := fs[i].Suppression != nil; got != want {
					t.Errorf("finding %s suppressed=%v, want %v", fs[i].RuleID, got, want)
				}
			}
			if len(stale) != c.stale {
				t.Errorf("got %d stale-suppression findings, want %d: %+v", len(stale), c.stale, stale)
			}
		})
	}
}

func TestStaleFindings(t *testing.T) {
	r := fakeResource()
	_, stale := apply(t, yamlLines(map[int]string{
		2:  "# shipcheck:ignore NOPE001",
		8:  "  # shipcheck:ignore K8S005 until=2026-01-01 temporary",
		12: "  # shipcheck:ignore",
	}), finding(r, "K8S005", source.Path{"spec", "containers", 0}))
	want := []struct{ rule, text string }{
		{UnusedRule, "NOPE001 is not a rule"},
		{ExpiredRule, "expired on 2026-01-01"},
		{UnusedRule, "names no rule ID"},
	}
	if len(stale) != len(want) {
		t.Fatalf("got %+v", stale)
	}
	for i, w := range want {
		if stale[i].RuleID != w.rule || !strings.Contains(stale[i].Message, w.text) || stale[i].Severity != result.Info {
			t.Errorf("stale[%d] = %s %q, want %s containing %q", i, stale[i].RuleID, stale[i].Message, w.rule, w.text)
		}
	}
	if stale[0].Range.Start.Line != 2 || stale[0].Range.File != "deploy.yaml" {
		t.Errorf("SUP001 at %v, want deploy.yaml:2", stale[0].Range)
	}
}

func TestJSONHasNoComments(t *testing.T) {
	set := NewSet(Options{Now: today})
	read := func(string) ([]byte, error) { return []byte(`{"a": "# shipcheck:ignore ECS001"}`), nil }
	if ds := set.directives("task.json", read); len(ds) != 0 {
		t.Errorf("JSON file gave directives %+v", ds)
	}
	if ds := set.directives("-", read); len(ds) != 0 {
		t.Errorf("JSON on stdin gave directives %+v", ds)
	}
}

func TestAnnotation(t *testing.T) {
	r := fakeResource()
	r.Spec = map[string]any{"metadata": map[string]any{"annotations": map[string]any{Annotation: "k8s005, K8S009 reviewed"}}}
	fs := []result.Finding{finding(r, "K8S005", source.Path{"spec"}), finding(r, "K8S001", source.Path{"spec"})}
	set := NewSet(Options{Now: today})
	set.Apply(r, fs, func(string) ([]byte, error) { return nil, nil })
	if fs[0].Suppression == nil || fs[0].Suppression.Kind != InSource || fs[0].Suppression.Justification != "reviewed" {
		t.Errorf("K8S005 not suppressed by the annotation: %+v", fs[0].Suppression)
	}
	if fs[1].Suppression != nil {
		t.Errorf("K8S001 suppressed")
	}
	stale := set.Findings()
	if len(stale) != 0 {
		t.Errorf("annotation naming an unmatched rule among used ones is not stale: %+v", stale)
	}
}

func TestIgnores(t *testing.T) {
	mk := func(p, res string, rules ...string) *Ignore {
		ig := &Ignore{Path: p, Resource: res, Base: "repo"}
		ig.Kind, ig.Rules, ig.Reason = External, rules, "why"
		return ig
	}
	ignores := []*Ignore{
		mk("legacy/**", "", "ECS004"),
		mk("", "aws_ecs_service.*", "ECS103"),
		mk("*.json", "", "ECS001"), // base name anywhere
		mk("nothing/**", "", "ECS001"),
	}
	expired := mk("k8s/**", "", "K8S001")
	expired.Until = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ignores = append(ignores, expired)
	f := func(rule, file, res string) result.Finding {
		return result.Finding{RuleID: rule, Range: source.Range{File: file}, Resource: res}
	}
	fs := []result.Finding{
		f("ECS004", "repo/legacy/a/task.json", "t"),             // suppressed
		f("ECS004", "repo/app/task.json", "t"),                  // other path
		f("ECS103", "repo/infra/ecs.tf", "aws_ecs_service.web"), // by resource
		f("ECS103", "repo/infra/ecs.tf", "module.x"),            // other resource
		f("ECS001", "repo/app/task.json", "t"),                  // *.json
		f("K8S001", "repo/k8s/pod.yaml", "Pod/x"),               // expired
		f("ERR001", "repo/legacy/a/task.json", ""),              // never
	}
	ApplyIgnores(ignores, fs, today)
	want := []bool{true, false, true, false, true, false, false}
	for i, w := range want {
		if got := fs[i].Suppression != nil; got != w {
			t.Errorf("%s %s %s: suppressed=%v, want %v", fs[i].RuleID, fs[i].Range.File, fs[i].Resource, got, w)
		}
	}
	if s := fs[0].Suppression; s == nil || s.Kind != External || s.Justification != "why" {
		t.Errorf("suppression %+v", s)
	}
	stale := StaleIgnores(ignores, today, nil)
	if len(stale) != 2 || stale[0].RuleID != UnusedRule || stale[1].RuleID != ExpiredRule {
		t.Errorf("stale ignores: %+v", stale)
	}
}

func TestNameMatch(t *testing.T) {
	for _, c := range []struct {
		pattern, name string
		want          bool
	}{
		{"aws_ecs_service.*", "aws_ecs_service.web", true},
		{"*.web", "module.app.aws_ecs_service.web", true},
		{"Deployment/*", "Deployment/prod/web", true},
		{"Deployment/web", "Deployment/web2", false},
		{"web?", "web2", true},
		{"a.b", "axb", false},
	} {
		if got := nameMatch(c.pattern, c.name); got != c.want {
			t.Errorf("nameMatch(%q, %q) = %v", c.pattern, c.name, got)
		}
	}
}
