package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/scan"
)

// TestBadInputIsReported: each file that cannot be read as the input its
// name says is one error naming it, and the good file next to them is
// still scanned.
func TestBadInputIsReported(t *testing.T) {
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "apiVersion: v1\nkind: Pod\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	files := map[string][]byte{
		"utf16/pod.yaml":   utf16,
		"good/Dockerfile":  []byte("FROM alpine:latest\n"),
		"binary/plan.json": {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00},
	}
	want := map[string]string{
		"utf16/pod.yaml":   "UTF-16LE encoded file",
		"binary/plan.json": "binary file",
	}
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}, Engine: testEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range rep.Errors {
		rel, _ := filepath.Rel(dir, e.Range.File)
		got[filepath.ToSlash(rel)] = e.Message
	}
	for name, msg := range want {
		if !strings.Contains(got[name], msg) {
			t.Errorf("%s: error %q, want %q", name, got[name], msg)
		}
	}
	if len(got) != len(want) {
		t.Errorf("errors %v, want only %v", got, want)
	}
	var sawGood bool
	for _, f := range rep.Findings {
		sawGood = sawGood || strings.HasSuffix(filepath.ToSlash(f.Range.File), "good/Dockerfile")
	}
	if !sawGood {
		t.Errorf("good/Dockerfile was not scanned: %v", rep.Findings)
	}
}

// TestExplicitBrokenYAMLIsAnError: YAML that does not parse is an error
// when it was named or piped in, even without apiVersion and kind; found
// by walking, it is someone else's file and skipped.
func TestExplicitBrokenYAMLIsAnError(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "values.yaml")
	if err := os.WriteFile(broken, []byte("image:\n  tag: [latest\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	template := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(template, []byte("config:\n{% if x %}\n  a: 1\n{% endif %}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		opts  scan.Options
		wantN int
	}{
		{"named", scan.Options{Paths: []string{broken}}, 1},
		{"named template is a note", scan.Options{Paths: []string{template}}, 0},
		{"stdin", scan.Options{Paths: []string{"-"}, Stdin: strings.NewReader("key: [unclosed\n")}, 1},
		{"walked", scan.Options{Paths: []string{dir}}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.opts.Engine = testEngine(t)
			rep, err := scan.Run(context.Background(), c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Errors) != c.wantN {
				t.Fatalf("errors = %v, want %d", rep.Errors, c.wantN)
			}
			if c.wantN == 1 && (!strings.Contains(rep.Errors[0].Message, "invalid YAML") || rep.Errors[0].Range.Start.Line == 0) {
				t.Errorf("error %v, want an invalid YAML error with its line", rep.Errors[0])
			}
		})
	}
}

// TestStdinTerraformSaysWhy: Terraform on standard input is an error that
// says to scan the folder, not that the build lacks Terraform support.
func TestStdinTerraformSaysWhy(t *testing.T) {
	rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{"-"}, Engine: testEngine(t),
		Stdin: strings.NewReader("resource \"aws_ecs_cluster\" \"c\" {\n  name = \"c\"\n}\n")})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0].Message, "scan the module's folder") {
		t.Errorf("errors = %v, want one saying to scan the module's folder", rep.Errors)
	}
}
