//go:build zzdbg

package regodbg

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	_ "github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/rules"
)

func TestEval(t *testing.T) {
	opts := []func(*rego.Rego){rego.Query(os.Getenv("Q"))}
	fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if strings.HasSuffix(p, ".rego") {
			b, _ := fs.ReadFile(rules.FS, p)
			opts = append(opts, rego.Module(p, string(b)))
		}
		return nil
	})
	rs, err := rego.New(opts...).Eval(context.Background())
	fmt.Println(err)
	for _, r := range rs {
		fmt.Printf("%v\n", r.Bindings)
	}
}
