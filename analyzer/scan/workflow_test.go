package scan_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shipcheck/shipcheck/analyzer/config"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/scan"
)

var workflowDay = time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)

func scanDir(t *testing.T, opts scan.Options) *result.Report {
	t.Helper()
	opts.Engine = testEngine(t)
	if opts.Now.IsZero() {
		opts.Now = workflowDay
	}
	rep, err := scan.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rep.Errors {
		t.Errorf("tool error: %s: %s", e.Range, e.Message)
	}
	return rep
}

// summary lists "file:line RULE" of the findings keep selects, sorted.
func summary(rep *result.Report, base string, keep func(result.Finding) bool) []string {
	var out []string
	for _, f := range rep.Findings {
		if keep(f) {
			rel, _ := filepath.Rel(base, f.Range.File)
			out = append(out, fmt.Sprintf("%s:%d %s", filepath.ToSlash(rel), f.Range.Start.Line, f.RuleID))
		}
	}
	slices.Sort(out)
	return out
}

func isSuppressed(f result.Finding) bool { return f.Suppression != nil }
func isStale(f result.Finding) bool      { return strings.HasPrefix(f.RuleID, "SUP") }

// TestInlineSuppressions covers the placements of ignore comments in real
// inputs: the line above a finding, a comment inside a continued
// Dockerfile instruction, above a stage, file-wide, HCL "//" and "#"
// comments above a resource and above a nested block, trailing comments,
// expiry and stale comments.
func TestInlineSuppressions(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "workflow", "suppress")
	rep := scanDir(t, scan.Options{Paths: []string{dir}})
	wantSuppressed := []string{
		"Dockerfile:10 DKR001", // ignore-file
		"Dockerfile:10 DKR003", // above the stage's FROM
		"Dockerfile:11 DKR004", // same comment, whole stage
		"Dockerfile:4 DKR008",  // above a multi-line RUN
		"Dockerfile:8 DKR011",  // inside the continued RUN, above its line
		"main.tf:29 ECS103",    // above a nested block
		"main.tf:7 ECS103",     // "//" above the resource
	}
	if got := summary(rep, dir, isSuppressed); !slices.Equal(got, wantSuppressed) {
		t.Errorf("suppressed:\n got %q\nwant %q", got, wantSuppressed)
	}
	wantStale := []string{
		"Dockerfile:12 SUP001", // DKR015 never fires: port 80
		"main.tf:16 SUP001",    // trailing comment naming a rule not reported there
		"main.tf:17 SUP002",    // expired: ECS001 is reported again
	}
	if got := summary(rep, dir, isStale); !slices.Equal(got, wantStale) {
		t.Errorf("stale suppressions:\n got %q\nwant %q", got, wantStale)
	}
	if !slices.Contains(summary(rep, dir, func(f result.Finding) bool { return f.Suppression == nil }), "main.tf:15 ECS001") {
		t.Error("the expired suppression still hides ECS001")
	}
	if rep.Suppressed != len(wantSuppressed) {
		t.Errorf("Report.Suppressed = %d, want %d", rep.Suppressed, len(wantSuppressed))
	}

	audit := scanDir(t, scan.Options{Paths: []string{dir}, NoInlineIgnores: true})
	if got := summary(audit, dir, func(f result.Finding) bool { return isSuppressed(f) || isStale(f) }); len(got) != 0 {
		t.Errorf("--no-inline-ignores still suppresses or reports suppressions: %q", got)
	}
	if len(audit.Findings) != len(rep.Findings)-len(wantStale) {
		t.Errorf("--no-inline-ignores: %d findings, want %d", len(audit.Findings), len(rep.Findings)-len(wantStale))
	}
}

// TestConfiguredRules covers enabling an off-by-default rule, disabling
// one, overriding a severity, config ignores and excludes.
func TestConfiguredRules(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "workflow", "suppress")
	cfg, err := config.Parse(filepath.Join(dir, ".shipcheck.yaml"), []byte(`
rules:
  DKR020: {enabled: false}
  DKR012: {severity: critical}
ignore:
  - path: "*.tf"
    rules: [ECS004]
    reason: images are pinned at deploy time
  - path: "*.tf"
    resource: aws_ecs_service.api
  - path: nowhere/**
    rules: [ECS001]
`))
	if err != nil {
		t.Fatal(err)
	}
	rep := scanDir(t, scan.Options{Paths: []string{dir}, Rules: cfg.Rules, Ignores: cfg.Ignore, Excluded: cfg.Excluded})
	var sev result.Severity
	for _, f := range rep.Findings {
		switch f.RuleID {
		case "DKR020":
			t.Errorf("disabled rule reported: %s", f.Range)
		case "DKR012":
			sev = f.Severity
		case "ECS004":
			if f.Suppression == nil || f.Suppression.Kind != "external" || f.Suppression.Justification != "images are pinned at deploy time" {
				t.Errorf("ECS004 not suppressed by the ignore entry: %+v", f.Suppression)
			}
		}
		if f.Resource == "aws_ecs_service.api" && f.Suppression == nil {
			t.Errorf("%s on aws_ecs_service.api not suppressed by the resource ignore", f.RuleID)
		}
	}
	if sev != result.Critical {
		t.Errorf("DKR012 severity %v, want critical", sev)
	}
	stale := summary(rep, dir, func(f result.Finding) bool { return isStale(f) && f.Range.File == cfg.File })
	if want := []string{".shipcheck.yaml:11 SUP001"}; !slices.Equal(stale, want) {
		t.Errorf("unused ignore entry: got %q, want %q", stale, want)
	}
	for _, r := range rep.Rules {
		if r.ID == "DKR020" && r.Enabled {
			t.Error("report lists DKR020 as enabled")
		}
	}

	cfg.Exclude = []string{"Dockerfile"}
	rep = scanDir(t, scan.Options{Paths: []string{dir, filepath.Join(dir, "Dockerfile")}, Excluded: cfg.Excluded})
	for _, f := range rep.Findings {
		if filepath.Base(f.Range.File) == "Dockerfile" {
			t.Fatalf("excluded Dockerfile scanned: %s %s", f.RuleID, f.Range)
		}
	}
}

// TestOffByDefaultRules checks that rules shipped off (ECS015) run only
// when the configuration enables them.
func TestOffByDefaultRules(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "rules", "ECS015")
	count := func(rep *result.Report) int {
		n := 0
		for _, f := range rep.Findings {
			if f.RuleID == "ECS015" {
				n++
			}
		}
		return n
	}
	if n := count(scanDir(t, scan.Options{Paths: []string{dir}})); n != 0 {
		t.Errorf("ECS015 is off by default but reported %d times", n)
	}
	on := true
	if n := count(scanDir(t, scan.Options{Paths: []string{dir}, Rules: map[string]config.Rule{"ECS015": {Enabled: &on}}})); n == 0 {
		t.Error("ECS015 enabled in the configuration but not reported")
	}
}

// TestInlineSuppressionsKubernetes covers ignore comments in real
// manifests: nested YAML, a sequence item, whole documents of a
// multi-document file, a trailing comment and the shipcheck.dev/ignore
// annotation.
func TestInlineSuppressionsKubernetes(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "workflow", "kubernetes")
	rep := scanDir(t, scan.Options{Paths: []string{dir}})
	wantSuppressed := []string{
		"deploy.yaml:14 K8S001", // above "- name: app"
		"deploy.yaml:14 K8S002", // same comment
		"deploy.yaml:14 K8S013", // annotation
		"deploy.yaml:16 K8S015", // above the document
		"deploy.yaml:18 K8S006", // above "privileged: true"
		"deploy.yaml:20 K8S013", // annotation, other container
		"deploy.yaml:20 K8S015", // above the document, other container
		"deploy.yaml:21 K8S004", // trailing comment
		"deploy.yaml:31 K8S001", // above the second document
	}
	if got := summary(rep, dir, isSuppressed); !slices.Equal(got, wantSuppressed) {
		t.Errorf("suppressed:\n got %q\nwant %q", got, wantSuppressed)
	}
	if got, want := summary(rep, dir, isStale), []string{"deploy.yaml:19 SUP001"}; !slices.Equal(got, want) {
		t.Errorf("stale: got %q, want %q", got, want)
	}
	for _, f := range rep.Findings {
		if f.Suppression == nil && f.Range.Start.Line == 31 && f.RuleID == "K8S002" {
			return // the second document's comment covers K8S001 only
		}
	}
	t.Error("the Pod's K8S002 is missing or suppressed")
}

// TestModuleArgumentSuppressions covers ignore comments beside the
// arguments of a module call: a value the module uses as passed is
// reported at the argument, so a comment there covers it, and only for
// that call.
func TestModuleArgumentSuppressions(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "workflow", "suppress_module")
	rep := scanDir(t, scan.Options{Paths: []string{dir}})
	wantSuppressed := []string{
		"main.tf:5 ECS004", // the line above the argument
		"main.tf:6 ECS005", // trailing comment on the argument
	}
	if got := summary(rep, dir, isSuppressed); !slices.Equal(got, wantSuppressed) {
		t.Errorf("suppressed:\n got %q\nwant %q", got, wantSuppressed)
	}
	if got := summary(rep, dir, isStale); len(got) != 0 {
		t.Errorf("stale suppressions: %q", got)
	}
	reported := summary(rep, dir, func(f result.Finding) bool { return f.Suppression == nil })
	for _, want := range []string{"main.tf:12 ECS004", "main.tf:13 ECS005"} {
		if !slices.Contains(reported, want) {
			t.Errorf("%s not reported for the call without ignore comments; reported %q", want, reported)
		}
	}
}
