package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/scan"
)

// TestHelmChartIsOneNote: unrendered templates of a chart give one note for
// the chart, no errors, and the chart's static manifests are still linted.
func TestHelmChartIsOneNote(t *testing.T) {
	dir := t.TempDir()
	chart := filepath.Join(dir, "web")
	files := map[string]string{
		"Chart.yaml":                "apiVersion: v2\nname: web\nversion: 0.1.0\n",
		"values.yaml":               "image:\n  tag: latest\n",
		"templates/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n",
		"templates/service.yaml":    "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n",
		"crds/pod.yaml":             "apiVersion: v1\nkind: Pod\nmetadata:\n  name: static\nspec:\n  containers:\n    - name: app\n      image: nginx\n",
	}
	for name, content := range files {
		p := filepath.Join(chart, name)
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
	if len(rep.Errors) != 0 {
		t.Errorf("errors: %v", rep.Errors)
	}
	if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0].Message, "helm template") {
		t.Errorf("notes = %v, want one note for the chart", rep.Notes)
	}
	var sawPod bool
	for _, f := range rep.Findings {
		if f.RuleID == "K8S004" && strings.HasSuffix(f.Range.File, "pod.yaml") && f.Range.Start.Line == 8 {
			sawPod = true
		}
	}
	if !sawPod {
		t.Errorf("static manifest not linted: %v", rep.Findings)
	}
}

// TestStdinHelmOutput: rendered Helm output on standard input, with its
// "# Source:" comments and several documents.
func TestStdinHelmOutput(t *testing.T) {
	stdin := "---\n# Source: web/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n---\n# Source: web/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"
	rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{"-"}, Stdin: strings.NewReader(stdin), Type: scan.FormatKubernetes, Engine: testEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	var saw bool
	for _, f := range rep.Findings {
		if f.RuleID == "K8S004" && f.Range.File == "-" && f.Range.Start.Line == 12 {
			saw = true
		}
	}
	if !saw || len(rep.Errors) > 0 {
		t.Errorf("findings %v errors %v", rep.Findings, rep.Errors)
	}
}

// TestManifestTemplateIsANote: an Ansible role's Jinja manifest template
// is a note at its template syntax, not a parse error.
func TestManifestTemplateIsANote(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "roles", "app", "templates", "deployment.yaml")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	doc := "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: {{ replicas }}\n"
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}, Engine: testEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 0 || len(rep.Findings) != 0 {
		t.Errorf("errors %v findings %v", rep.Errors, rep.Findings)
	}
	if len(rep.Notes) != 1 || rep.Notes[0].Range.File != p || rep.Notes[0].Range.Start.Line != 6 || !strings.Contains(rep.Notes[0].Message, "template") {
		t.Errorf("notes = %+v, want one at line 6", rep.Notes)
	}
}

// TestDockerfileTemplateIsANote: Molecule's Dockerfile.j2 is a note at its
// first template line, whether found by walking or named explicitly.
func TestDockerfileTemplateIsANote(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "molecule", "default", "Dockerfile.j2")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	src := "# Molecule managed\n\n{% if item.registry is defined %}\nFROM {{ item.registry.url }}/{{ item.image }}\n{% endif %}\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir, p} {
		rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{path}, Engine: testEngine(t)})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Errors) != 0 || len(rep.Findings) != 0 {
			t.Errorf("%s: errors %v findings %v", path, rep.Errors, rep.Findings)
		}
		if len(rep.Notes) != 1 || rep.Notes[0].Range.File != p || rep.Notes[0].Range.Start.Line != 3 || !strings.Contains(rep.Notes[0].Message, "Dockerfile template") {
			t.Errorf("%s: notes = %+v, want one at line 3", path, rep.Notes)
		}
	}
}
