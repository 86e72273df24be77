package scan_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/scan"
)

var (
	engineOnce sync.Once
	sharedEng  *engine.Engine
	engineErr  error
)

// testEngine compiles the built-in rules once for every test in the package.
func testEngine(t testing.TB) *engine.Engine {
	t.Helper()
	engineOnce.Do(func() { sharedEng, engineErr = engine.New(context.Background(), engine.Options{}) })
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return sharedEng
}

// TestRuleFixtures scans every folder testdata/rules/<ID> and compares the
// findings of rule <ID> with the folder's want.txt ("file:line" per
// finding). Files not listed there must not yield the rule at all.
func TestRuleFixtures(t *testing.T) {
	eng := testEngine(t)
	root := filepath.Join("..", "..", "testdata", "rules")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, r := range eng.Rules() {
		known[r.ID] = true
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		id, dir := d.Name(), filepath.Join(root, d.Name())
		t.Run(id, func(t *testing.T) {
			if !known[id] {
				t.Fatalf("no rule %s is loaded", id)
			}
			want := readWant(t, filepath.Join(dir, "want.txt"))
			rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}, Engine: eng})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range rep.Findings {
				if f.RuleID == id {
					rel, _ := filepath.Rel(dir, f.Range.File)
					got = append(got, filepath.ToSlash(rel)+":"+strconv.Itoa(f.Range.Start.Line))
				}
			}
			for _, e := range rep.Errors {
				if id != "ERR001" {
					t.Errorf("tool error: %s: %s", e.Range, e.Message)
				}
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s findings:\n got: %v\nwant: %v\n%s", id, got, want, describe(rep.Findings, id))
			}
		})
	}
}

// describe lists the rule's findings with messages, to debug a mismatch.
func describe(fs []result.Finding, id string) string {
	var b strings.Builder
	for _, f := range fs {
		if f.RuleID == id {
			fmt.Fprintf(&b, "  %s  %s\n", f.Range, f.Message)
		}
	}
	return b.String()
}

func readWant(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("every fixture folder needs a want.txt: %v", err)
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if i := strings.Index(line, "#"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line != "" {
			out = append(out, line)
		}
	}
	sort.Strings(out)
	return out
}
