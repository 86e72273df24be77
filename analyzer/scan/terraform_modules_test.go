package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/scan"
)

// TestCalledModuleIsScannedOnce: a folder that a scanned root module calls
// as a local module is reported through the call only.
func TestCalledModuleIsScannedOnce(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"main.tf":              "module \"logs\" {\n  source = \"./modules/logs\"\n  name   = \"app\"\n}\n",
		"modules/logs/main.tf": "variable \"name\" {}\nresource \"aws_cloudwatch_log_group\" \"this\" {\n  name = \"/ecs/${var.name}\"\n}\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}, Engine: testEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		if f.RuleID == "LOG001" {
			got = append(got, f.Resource)
		}
	}
	if len(got) != 1 || got[0] != "module.logs.aws_cloudwatch_log_group.this" {
		t.Errorf("LOG001 findings on %v, want one on module.logs.aws_cloudwatch_log_group.this", got)
	}
}

// TestModuleCalledTwiceIsReportedOnce: examples calling the same module
// yield the same finding once.
func TestModuleCalledTwiceIsReportedOnce(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"main.tf":            "variable \"name\" {}\nresource \"aws_cloudwatch_log_group\" \"this\" {\n  name = var.name\n}\n",
		"examples/a/main.tf": "module \"logs\" {\n  source = \"../..\"\n  name   = \"a\"\n}\n",
		"examples/b/main.tf": "module \"logs\" {\n  source = \"../..\"\n  name   = \"b\"\n}\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}, Engine: testEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range rep.Findings {
		if f.RuleID == "LOG001" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d LOG001 findings, want 1", n)
	}
}
