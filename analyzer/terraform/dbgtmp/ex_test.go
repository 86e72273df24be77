package dbg

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/schema"
	"github.com/shipcheck/shipcheck/analyzer/terraform"
)

func TestExample(t *testing.T) {
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs, errs := terraform.LoadModule(os.Getenv("EXDIR"), nil, terraform.Options{})
	fmt.Println(errs)
	for _, r := range rs {
		for _, d := range schema.Validate(r) {
			fmt.Println("SCHEMA", r.Name, d.RuleID, d.Path, d.Message)
		}
		fs, _ := eng.Eval(context.Background(), r)
		for _, f := range fs {
			fmt.Printf("%s:%d %s %s %s\n", filepath.Base(f.Range.File), f.Range.Start.Line, f.RuleID, f.Severity, f.Message)
		}
	}
}
