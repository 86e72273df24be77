package dockerfile

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/engine"
)

// TestFixtures checks testdata/rules/DKR*/ the way the scan harness does,
// with this adapter and the Dockerfile rules only, so that the fixtures
// are known good before the whole pipeline runs them.
func TestFixtures(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.Options{NoBuiltins: true, PolicyDirs: []string{rulesDir, "../../rules/lib"}})
	if err != nil {
		t.Fatal(err)
	}
	dirs, _ := filepath.Glob("../../testdata/rules/DKR*")
	if len(dirs) < 20 {
		t.Fatalf("%d fixture folders", len(dirs))
	}
	for _, dir := range dirs {
		id := filepath.Base(dir)
		t.Run(id, func(t *testing.T) {
			var got []string
			err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() || !IsDockerfileName(p) {
					return err
				}
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				rs, errs := Load(p, data)
				if len(errs) > 0 {
					t.Errorf("%s: %v", p, errs)
				}
				for _, r := range rs {
					fs, err := eng.Eval(context.Background(), r)
					if err != nil {
						return err
					}
					for _, f := range fs {
						if f.RuleID == id {
							rel, _ := filepath.Rel(dir, f.Range.File)
							got = append(got, fmt.Sprintf("%s:%d", filepath.ToSlash(rel), f.Range.Start.Line))
							t.Logf("%s:%d %s", rel, f.Range.Start.Line, f.Message)
						}
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			sort.Strings(got)
			want := readWant(t, filepath.Join(dir, "want.txt"))
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings\n got: %v\nwant: %v", got, want)
			}
		})
	}
}

func readWant(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	sort.Strings(out)
	return out
}
