//go:build zzdbg

package regodbg

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/terraform"
)

func TestTF(t *testing.T) {
	dir, id := os.Getenv("DIR"), os.Getenv("ID")
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs, errs := terraform.LoadModule(dir, nil, terraform.Options{})
	fmt.Println("errors:", errs)
	var out []string
	for _, r := range rs {
		fs, err := eng.Eval(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if id == "" || f.RuleID == id {
				rel, _ := filepath.Rel(dir, f.Range.File)
				out = append(out, fmt.Sprintf("%s:%d %s %s", rel, f.Range.Start.Line, f.RuleID, f.Message))
			}
		}
	}
	sort.Strings(out)
	fmt.Println(strings.Join(out, "\n"))
}
