package scan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/resource"
)

// TestPanicInALoaderIsAnError: a panic while loading one file becomes an
// error naming that file, and the other files are still scanned.
func TestPanicInALoaderIsAnError(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, content := range map[string]string{
		"Dockerfile": "FROM alpine:3.20\n",
		"pod.yaml":   "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:latest\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	saved := fileLoaders[FormatDockerfile]
	fileLoaders[FormatDockerfile] = func(string, []byte) ([]*resource.Resource, []error) { panic("boom") }
	defer func() { fileLoaders[FormatDockerfile] = saved }()

	rep, err := Run(context.Background(), Options{Paths: []string{dir}, Engine: eng})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 1 || filepath.Base(rep.Errors[0].Range.File) != "Dockerfile" || !strings.Contains(rep.Errors[0].Message, "boom") {
		t.Errorf("errors = %v, want one naming the Dockerfile and the panic", rep.Errors)
	}
	var sawPod bool
	for _, f := range rep.Findings {
		if filepath.Base(f.Range.File) == "pod.yaml" {
			sawPod = true
		}
	}
	if !sawPod {
		t.Errorf("pod.yaml was not scanned after the panic: %v", rep.Findings)
	}
}
