//go:build unix

package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/scan"
)

// TestNamedPipesAreReportedNotWaitedFor: a named pipe that nobody writes
// to, found by walking (named like a manifest, a kustomization next to a
// manifest, or in a Terraform folder), is an error naming it; the scan
// neither blocks on it nor drops it, and the other files are scanned.
func TestNamedPipesAreReportedNotWaitedFor(t *testing.T) {
	dir := t.TempDir()
	tf := filepath.Join(dir, "infra")
	if err := os.Mkdir(tf, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(dir, "deployment.yaml"), filepath.Join(dir, "kustomization.yaml"), filepath.Join(tf, "pipe.tf")} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	pod := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:latest\n"
	if err := os.WriteFile(filepath.Join(dir, "pod.yaml"), []byte(pod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tf, "main.tf"), []byte("resource \"aws_ecs_cluster\" \"c\" {\n  name = \"c\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}, Engine: testEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	errs := map[string]string{}
	for _, e := range rep.Errors {
		errs[filepath.Base(e.Range.File)] = e.Message
	}
	for _, name := range []string{"deployment.yaml", "kustomization.yaml", "pipe.tf"} {
		if !strings.Contains(errs[name], "not a regular file") {
			t.Errorf("%s: error %q, want one saying it is not a regular file (all: %v)", name, errs[name], rep.Errors)
		}
	}
	scanned := map[string]bool{}
	for _, f := range rep.Findings {
		scanned[filepath.Base(f.Range.File)] = true
	}
	if !scanned["main.tf"] || !scanned["pod.yaml"] {
		t.Errorf("main.tf and pod.yaml next to the pipes were not both scanned: %v", rep.Findings)
	}
}
