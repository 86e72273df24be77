package dbg

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/analyzer/terraform"
)

func TestFixtures(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := strings.Split(os.Getenv("IDS"), ",")
	for _, id := range ids {
		root := filepath.Join("../../../testdata/rules", id)
		var got []string
		dirs := map[string]bool{}
		filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			if strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json") {
				dirs[filepath.Dir(p)] = true
			}
			if strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, ".tf.json") {
				data, _ := os.ReadFile(p)
				n, err := source.ParseJSON(p, data)
				if err == nil && terraform.IsPlan(n) {
					rs, errs := terraform.LoadPlan(p, n)
					for _, e := range errs {
						fmt.Println("ERR", e)
					}
					got = append(got, eval(eng, rs, id, root)...)
				}
			}
			return nil
		})
		for d := range dirs {
			rs, errs := terraform.LoadModule(d, nil, terraform.Options{})
			for _, e := range errs {
				fmt.Println("ERR", e)
			}
			got = append(got, eval(eng, rs, id, root)...)
		}
		sort.Strings(got)
		fmt.Println("==", id)
		for _, g := range got {
			fmt.Println(g)
		}
	}
}

func eval(eng *engine.Engine, rs []*resource.Resource, id, root string) []string {
	var out []string
	for _, r := range rs {
		fs, err := eng.Eval(context.Background(), r)
		if err != nil {
			fmt.Println("EVAL", err)
		}
		for _, f := range fs {
			if f.RuleID == id || f.RuleID == "ERR001" || f.RuleID == "ERR002" {
				rel, _ := filepath.Rel(root, f.Range.File)
				out = append(out, fmt.Sprintf("%s:%d\t%s %s", rel, f.Range.Start.Line, f.RuleID, f.Message))
			}
		}
	}
	return out
}
