package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/fixture"
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
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		dir := filepath.Join(root, d.Name())
		t.Run(d.Name(), func(t *testing.T) {
			o, err := fixture.Run(context.Background(), eng, dir)
			if err != nil {
				t.Fatal(err)
			}
			if !o.OK() {
				t.Error(o.Explain())
			}
		})
	}
}
