package dbg

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/schema"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/analyzer/terraform"
)

func TestSchemaAll(t *testing.T) {
	root := os.Getenv("ROOT")
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
				rs, _ := terraform.LoadPlan(p, n)
				for _, r := range rs {
					for _, d := range schema.Validate(r) {
						fmt.Println(p, r.Name, d.RuleID, d.Path, d.Message)
					}
				}
			}
		}
		return nil
	})
	for d := range dirs {
		rs, _ := terraform.LoadModule(d, nil, terraform.Options{})
		for _, r := range rs {
			for _, dg := range schema.Validate(r) {
				fmt.Println(d, r.Name, dg.RuleID, dg.Path, dg.Message)
			}
		}
	}
}
