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
