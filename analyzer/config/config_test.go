package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

const full = `# team defaults
rules:
  K8S018: {enabled: true}
  ecs001:
    enabled: false
  ECS007: {severity: medium}
exclude:
  - "testdata/**"
  - "*.generated.yaml"
ignore:
  - path: legacy/**
    rules: [ECS004, ECS005]
    resource: aws_ecs_task_definition.old
    reason: retired in Q3
    until: 2026-09-30
policies: [policies]
fail-on: high
terraform:
  var-files: [envs/prod.tfvars]
  vars: {region: eu-west-1, replicas: 3}
`

func TestParseFull(t *testing.T) {
	c, err := Parse(filepath.Join("repo", ".shipcheck.yaml"), []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Enabled("K8S018", false) || c.Enabled("ECS001", true) || !c.Enabled("ECS002", true) {
		t.Errorf("enabled: %+v", c.Rules)
	}
	if c.Rules["ECS007"].Severity != result.Medium {
		t.Errorf("severity: %+v", c.Rules["ECS007"])
	}
	if len(c.Ignore) != 1 {
		t.Fatalf("ignore: %+v", c.Ignore)
	}
	ig := c.Ignore[0]
	if ig.Path != "legacy/**" || strings.Join(ig.Rules, ",") != "ECS004,ECS005" || ig.Resource != "aws_ecs_task_definition.old" ||
		ig.Reason != "retired in Q3" || ig.Until.Format("2006-01-02") != "2026-09-30" || ig.At.Start.Line != 11 || ig.Base != "repo" {
		t.Errorf("ignore entry: %+v", ig)
	}
	if c.Policies[0] != filepath.Join("repo", "policies") || c.Terraform.VarFiles[0] != filepath.Join("repo", "envs", "prod.tfvars") {
		t.Errorf("paths are not resolved against the config's folder: %v %v", c.Policies, c.Terraform.VarFiles)
	}
	if c.Terraform.Vars["replicas"] != "3" || c.FailOn != "high" {
		t.Errorf("terraform vars %v, fail-on %q", c.Terraform.Vars, c.FailOn)
	}
	if !c.Excluded(filepath.Join("repo", "testdata", "x", "a.yaml")) || !c.Excluded(filepath.Join("repo", "k8s", "a.generated.yaml")) || c.Excluded(filepath.Join("repo", "k8s", "a.yaml")) {
		t.Error("exclude globs do not match relative to the config's folder")
	}
	known := func(id string) bool { return id != "K8S018" }
	err = c.Check(known)
	var se *source.Error
	if !errors.As(err, &se) || se.Range.Start.Line != 3 || !strings.Contains(se.Msg, "unknown rule K8S018") {
		t.Errorf("Check: %v", err)
	}
	if err := c.Check(func(string) bool { return true }); err != nil {
		t.Error(err)
	}
}

func TestParseErrorsHaveLines(t *testing.T) {
	for _, c := range []struct {
		name, text string
		line       int
		msg        string
	}{
		{"unknown key", "rules: {}\nexlude: [a]\n", 2, `unknown key "exlude"`},
		{"unknown rule key", "rules:\n  ECS001: {enabeld: false}\n", 2, `unknown key "enabeld" in rule ECS001`},
		{"bad severity", "rules:\n  ECS001:\n    severity: severe\n", 3, "unknown severity"},
		{"enabled not bool", "rules:\n  ECS001: {enabled: yes please}\n", 2, "true or false"},
		{"bad date", "ignore:\n  - rules: [ECS001]\n    until: 31/12/2026\n", 3, "not a date"},
		{"bad fail-on", "fail-on: severe\n", 1, "fail-on"},
		{"empty ignore", "ignore:\n  - reason: nothing\n", 2, "needs at least one of"},
		{"ignore not a list", "ignore: {path: x}\n", 1, "must be a list"},
		{"syntax", "rules:\n  ECS001: [\n", 2, "did not find"},
		{"not a mapping", "- a\n- b\n", 1, "must be a mapping"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("cfg.yaml", []byte(c.text))
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a *source.Error", err)
			}
			if se.Range.File != "cfg.yaml" || se.Range.Start.Line != c.line || !strings.Contains(se.Msg, c.msg) {
				t.Errorf("got %v, want line %d containing %q", err, c.line, c.msg)
			}
		})
	}
}

func TestEmptyFile(t *testing.T) {
	c, err := Parse("cfg.yaml", []byte("# nothing yet\n"))
	if err != nil || len(c.Rules) != 0 || c.FailOn != "" {
		t.Errorf("%+v %v", c, err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "repo", "infra", "prod")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("fail-on: high\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, ".shipcheck.yaml")) // above the repository: never used
	if err := os.Mkdir(filepath.Join(root, "repo", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != "" {
		t.Errorf("Find crossed the repository root: %q %v", got, err)
	}
	write(filepath.Join(root, "repo", ".shipcheck.yml"))
	if got, _ := Find(deep); got != filepath.Join(root, "repo", ".shipcheck.yml") {
		t.Errorf("Find = %q", got)
	}
	write(filepath.Join(root, "repo", "infra", ".shipcheck.yaml"))
	if got, _ := Find(deep); got != filepath.Join(root, "repo", "infra", ".shipcheck.yaml") {
		t.Errorf("Find = %q, want the nearest", got)
	}
}

func TestPrint(t *testing.T) {
	c, err := Parse(".shipcheck.yaml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := c.Print(&b, "high"); err != nil {
		t.Fatal(err)
	}
	again, err := Parse(".shipcheck.yaml", []byte(b.String()))
	if err != nil {
		t.Fatalf("printed configuration does not parse: %v\n%s", err, b.String())
	}
	if again.Rules["ECS007"].Severity != result.Medium || len(again.Ignore) != 1 || again.Ignore[0].Until != c.Ignore[0].Until {
		t.Errorf("printed configuration lost settings:\n%s", b.String())
	}
}
