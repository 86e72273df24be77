//go:build zzdbg

package regodbg

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
)

func TestFmt(t *testing.T) {
	files, _ := filepath.Glob(os.Getenv("GLOB"))
	for _, f := range files {
		src, _ := os.ReadFile(f)
		out, err := format.SourceWithOpts(f, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			fmt.Println(f, err)
			continue
		}
		if !bytes.Equal(out, src) {
			fmt.Println("NOT FORMATTED:", f)
			if os.Getenv("WRITE") != "" {
				os.WriteFile(f, out, 0o644)
			}
		}
	}
}
