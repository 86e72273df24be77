package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/internal/sarifcheck"
)

// sarifResults runs a scan with SARIF output, validates the log and
// returns its results.
func sarifResults(t *testing.T, wantCode int, args ...string) []map[string]any {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out.sarif")
	code, _, stderr := shipcheck(t, "", append([]string{"scan", "--format", "sarif", "--output", out}, args...)...)
	if code != wantCode {
		t.Fatalf("exit code %d, want %d: %s", code, wantCode, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifcheck.Validate(data); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []map[string]any `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	return log.Runs[0].Results
}

func ruleIDs(results []map[string]any) map[string]int {
	out := map[string]int{}
	for _, r := range results {
		out[r["ruleId"].(string)]++
	}
	return out
}

func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	putFile(t, dir, "leaky.json", leakyTask)
	putFile(t, dir, ".shipcheck.yaml", "rules:\n  ECS004: {enabled: false}\nfail-on: critical\n")
	code, out, stderr := shipcheck(t, "", "scan", "--format", "json", dir)
	if code != 1 || strings.Contains(out, `"ECS004"`) || !strings.Contains(out, `"ECS002"`) {
		t.Errorf("configuration not applied: exit %d\n%s%s", code, out, stderr)
	}
	// ECS002 (critical) fails the build at fail-on critical; with only
	// high findings left, it passes.
	putFile(t, dir, "leaky.json", strings.Replace(leakyTask, `{"name": "AWS_ACCESS_KEY_ID", "value": "AKIAZ7QXJ3HTWEXAMPLE"},`, "", 1))
	if code, _, _ := shipcheck(t, "", "scan", dir); code != 0 {
		t.Errorf("fail-on from the configuration: exit %d, want 0", code)
	}
	if code, _, _ := shipcheck(t, "", "scan", "--fail-on", "low", dir); code != 1 {
		t.Errorf("--fail-on overrides the configuration: exit %d, want 1", code)
	}
	if code, out, _ := shipcheck(t, "", "config", "print", dir); code != 0 || !strings.Contains(out, "fail-on: critical") || !strings.Contains(out, "ECS004") {
		t.Errorf("config print: exit %d\n%s", code, out)
	}
}

func TestInvalidConfigNamesTheLine(t *testing.T) {
	dir := t.TempDir()
	putFile(t, dir, "clean.json", cleanTask)
	for _, c := range []struct{ text, want string }{
		{"rules:\n  ECS001: {enabled: false}\nexlude: [x]\n", ".shipcheck.yaml:3:1: unknown key \"exlude\""},
		{"rules:\n  ECS001: {severity: urgent}\n", ".shipcheck.yaml:2:"},
		{"ignore:\n  - path: a\n    rules: [ECS001, NOPE999]\n", ".shipcheck.yaml:3:21: unknown rule NOPE999"},
		{"ignore:\n  - rules: [ECS001]\n    until: next week\n", ".shipcheck.yaml:3:"},
	} {
		cfg := putFile(t, dir, ".shipcheck.yaml", c.text)
		code, _, stderr := shipcheck(t, "", "scan", dir)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", c.text, code, stderr, c.want)
		}
		if code, _, stderr := shipcheck(t, "", "scan", "--config", cfg, filepath.Join(dir, "clean.json")); code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("--config: exit %d, stderr %q", code, stderr)
		}
	}
}

func TestSuppressedFindingsInSARIF(t *testing.T) {
	dir := t.TempDir()
	putFile(t, dir, "leaky.json", leakyTask)
	putFile(t, dir, ".shipcheck.yaml", "ignore:\n  - path: leaky.json\n    rules: [ECS004]\n    reason: pinned at deploy time\n")
	if n := ruleIDs(sarifResults(t, 1, dir))["ECS004"]; n != 0 {
		t.Errorf("suppressed ECS004 in default SARIF output %d times", n)
	}
	var found bool
	for _, r := range sarifResults(t, 1, "--include-suppressed", dir) {
		sups, _ := r["suppressions"].([]any)
		if r["ruleId"] != "ECS004" {
			continue
		}
		found = true
		if len(sups) != 1 {
			t.Fatalf("ECS004 suppressions: %v", r["suppressions"])
		}
		s := sups[0].(map[string]any)
		if s["kind"] != "external" || s["justification"] != "pinned at deploy time" {
			t.Errorf("suppression %v", s)
		}
	}
	if !found {
		t.Error("--include-suppressed leaves ECS004 out")
	}
	code, out, _ := shipcheck(t, "", "scan", "--format", "json", dir)
	if code != 1 || strings.Contains(out, `"ECS004"`) || !strings.Contains(out, `"suppressed": 1`) {
		t.Errorf("json output: exit %d\n%s", code, out)
	}
}

func TestNoInlineIgnores(t *testing.T) {
	dir := t.TempDir()
	putFile(t, dir, "Dockerfile", "# shipcheck:ignore DKR003,DKR001,DKR005\nFROM ubuntu:latest\n")
	if code, out, _ := shipcheck(t, "", "scan", "--fail-on", "low", "--color", "never", dir); code != 0 {
		t.Errorf("suppressed Dockerfile: exit %d\n%s", code, out)
	}
	if code, out, _ := shipcheck(t, "", "scan", "--no-inline-ignores", "--color", "never", dir); code != 1 || !strings.Contains(out, "DKR003") {
		t.Errorf("--no-inline-ignores: exit %d\n%s", code, out)
	}
}

func TestBaselineFlow(t *testing.T) {
	dir := t.TempDir()
	task := putFile(t, dir, "leaky.json", leakyTask)
	base := filepath.Join(dir, "shipcheck-baseline.json")
	if code, _, stderr := shipcheck(t, "", "scan", "--quiet", "--write-baseline", base, dir); code != 0 {
		t.Fatalf("write baseline: exit %d %s", code, stderr)
	}
	// Lines move: nothing is new, the build passes.
	putFile(t, dir, "leaky.json", "\n\n"+leakyTask)
	results := sarifResults(t, 0, "--baseline", base, dir)
	for _, r := range results {
		if r["baselineState"] != "unchanged" {
			t.Errorf("%v: baselineState %v, want unchanged", r["ruleId"], r["baselineState"])
		}
	}
	// A new problem fails the build and is the only "new" result.
	putFile(t, dir, "leaky.json", strings.Replace(leakyTask, `"name": "app",`, `"name": "app", "privileged": true,`, 1))
	news := 0
	for _, r := range sarifResults(t, 1, "--baseline", base, task) {
		if r["baselineState"] == "new" {
			news++
		}
	}
	if news != 1 {
		t.Errorf("%d new results, want 1", news)
	}
	if code, _, stderr := shipcheck(t, "", "scan", "--baseline", filepath.Join(dir, "nope.json"), dir); code != 2 || !strings.Contains(stderr, "nope.json") {
		t.Errorf("missing baseline: exit %d %s", code, stderr)
	}
}

func TestCustomPolicyErrorsNameFileAndLine(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"syntax", "package org.bad\n\ndeny contains msg if {\n\tmsg := \n}\n", "bad.rego:5"},
		{"unsafe variable", "package org.bad\n\nimport rego.v1\n\ndeny contains msg if {\n\tmsg := x\n}\n", "bad.rego:6"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			putFile(t, dir, "bad.rego", c.src)
			for _, args := range [][]string{{"scan", "--policy", dir, dir}, {"rules", "--policy", dir}, {"test", dir}} {
				code, _, stderr := shipcheck(t, "", args...)
				if code != 2 || !strings.Contains(stderr, c.want) {
					t.Errorf("%v: exit %d, stderr %q; want 2 naming %s", args[0], code, stderr, c.want)
				}
			}
		})
	}
}

func TestCustomRuleLikeBuiltins(t *testing.T) {
	policies := filepath.Join("..", "..", "examples", "policies")
	fixtures := filepath.Join(policies, "fixtures", "ORG001")
	code, out, _ := shipcheck(t, "", "rules", "--policy", policies)
	if code != 0 || !strings.Contains(out, "ORG001") || !strings.Contains(out, "no-docker-hub") {
		t.Errorf("rules --policy: exit %d\n%s", code, out)
	}
	if n := ruleIDs(sarifResults(t, 1, "--policy", policies, fixtures))["ORG001"]; n != 3 {
		t.Errorf("SARIF has %d ORG001 results, want 3", n)
	}
	for _, format := range []string{"text", "json", "junit", "github", "checkstyle"} {
		_, out, _ := shipcheck(t, "", "scan", "--format", format, "--color", "never", "--policy", policies, fixtures)
		if !strings.Contains(out, "ORG001") {
			t.Errorf("%s output lacks ORG001", format)
		}
	}
	// The configuration's policies are relative to the configuration file.
	dir := t.TempDir()
	abs, _ := filepath.Abs(policies)
	putFile(t, dir, "Dockerfile", "FROM nginx:1.27\n")
	putFile(t, dir, ".shipcheck.yaml", "policies: ["+abs+"]\nrules:\n  ORG001: {severity: critical}\n")
	if code, out, _ := shipcheck(t, "", "scan", "--fail-on", "critical", "--color", "never", dir); code != 1 || !strings.Contains(out, "ORG001") {
		t.Errorf("policies from the configuration: exit %d\n%s", code, out)
	}
}

func TestShipcheckTest(t *testing.T) {
	code, out, stderr := shipcheck(t, "", "test", filepath.Join("..", "..", "examples", "policies"))
	if code != 0 || !strings.Contains(out, "6 Rego tests, 1 fixture folders: 0 failed") {
		t.Errorf("examples: exit %d\n%s%s", code, out, stderr)
	}
	// A fixture whose want.txt is wrong fails with the difference.
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join("..", "..", "examples", "policies", "org001_no_docker_hub.rego"))
	putFile(t, dir, "rule.rego", string(src))
	if err := os.MkdirAll(filepath.Join(dir, "ORG001"), 0o755); err != nil {
		t.Fatal(err)
	}
	putFile(t, dir, "ORG001/Dockerfile", "FROM alpine:3.20\n")
	putFile(t, dir, "ORG001/want.txt", "Dockerfile:2\n")
	code, out, _ = shipcheck(t, "", "test", dir)
	if code != 1 || !strings.Contains(out, "FAIL  fixture") || !strings.Contains(out, "got:  [Dockerfile:1]") {
		t.Errorf("failing fixture: exit %d\n%s", code, out)
	}
}

// TestFilesFromGitDiff feeds a "git diff --name-only" list: unsupported
// files are skipped, deleted ones too, and only listed files are reported.
func TestFilesFromGitDiff(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	putFile(t, dir, "leaky.json", leakyTask)
	putFile(t, dir, "other.json", leakyTask)
	putFile(t, dir, "README.md", "# docs\n")
	putFile(t, dir, "main.go", "package main\n")
	list := "README.md\nleaky.json\nmain.go\ngone.tf\n\n"
	code, out, stderr := shipcheck(t, list, "scan", "--format", "json", "--files-from", "-")
	if code != 1 || !strings.Contains(out, `"ECS004"`) || strings.Contains(out, "other.json") {
		t.Errorf("exit %d, stderr %q\n%s", code, stderr, out)
	}
	if code, out, _ := shipcheck(t, "README.md\n", "scan", "--files-from", "-"); code != 0 {
		t.Errorf("only unsupported files: exit %d\n%s", code, out)
	}
}

// TestConfigTerraformVariables checks that the configuration's Terraform
// variables reach the adapter and that --tf-var overrides them.
func TestConfigTerraformVariables(t *testing.T) {
	dir := t.TempDir()
	putFile(t, dir, "variables.tf", "variable \"image\" {\n  type = string\n}\n")
	putFile(t, dir, "main.tf", `resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = var.image, essential = true }])
}
`)
	putFile(t, dir, "prod.tfvars", "image = \"acme/app:latest\"\n")
	for _, c := range []struct {
		config string
		args   []string
		latest bool
	}{
		{"terraform:\n  vars: {image: \"acme/app:latest\"}\n", nil, true},
		{"terraform:\n  var-files: [prod.tfvars]\n", nil, true},
		{"terraform:\n  vars: {image: \"acme/app:latest\"}\n", []string{"--tf-var", "image=acme/app:1.0"}, false},
		{"", nil, false}, // unknown image: no claim about its tag
	} {
		putFile(t, dir, ".shipcheck.yaml", c.config)
		args := append([]string{"scan", "--format", "json"}, c.args...)
		_, out, stderr := shipcheck(t, "", append(args, dir)...)
		if got := strings.Contains(out, "acme/app:latest"); got != c.latest {
			t.Errorf("config %q %v: reports the latest tag %v, want %v\n%s%s", c.config, c.args, got, c.latest, out, stderr)
		}
	}
}
