package discover

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, root, rel string) {
	t.Helper()
	p := filepath.Join(root, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func rels(root string, files []File) []string {
	var out []string
	for _, f := range files {
		r, _ := filepath.Rel(root, f.Path)
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

func TestWalkSkipsAndExcludes(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"a.json", "sub/b.yaml", ".git/config", "node_modules/x/y.json", "vendor/z.tf", "gen/c.yaml", "deep/gen/d.yaml", "k8s/e.yaml"} {
		write(t, root, f)
	}
	files, errs := Walk([]string{root}, Options{Exclude: []string{"deep/**", "gen"}})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := strings.Join(rels(root, files), " ")
	if got != "a.json k8s/e.yaml sub/b.yaml" {
		t.Errorf("files = %s", got)
	}
}

func TestWalkSymlinkLoopAndMissing(t *testing.T) {
	root := t.TempDir()
	write(t, root, "a.json")
	if err := os.Symlink(root, filepath.Join(root, "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "self"), filepath.Join(root, "self")); err != nil {
		t.Fatal(err)
	}
	files, errs := Walk([]string{root, filepath.Join(root, "missing.json")}, Options{})
	if got := strings.Join(rels(root, files), " "); got != "a.json" {
		t.Errorf("files = %s", got)
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	joined := strings.Join(msgs, "\n")
	if !strings.Contains(joined, "missing.json: no such file or directory") || !strings.Contains(joined, "self") {
		t.Errorf("errors = %s", joined)
	}
}

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		pat, p string
		want   bool
	}{
		{"*.json", "a/b/c.json", true},
		{"testdata/**", "testdata/x/y.yaml", true},
		{"**/fixtures/*.yaml", "a/b/fixtures/x.yaml", true},
		{"charts/*/templates", "charts/web/templates/dep.yaml", true},
		{"a/*.tf", "a/b/c.tf", false},
		{"./infra/prod", "infra/prod/main.tf", true},
	} {
		if got := Match(c.pat, c.p); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.pat, c.p, got, c.want)
		}
	}
}
