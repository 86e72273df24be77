package dockerfile

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// TestTooManyStages: a Dockerfile with more stages than maxStages is one
// error at the first stage past the limit; one at the limit loads.
func TestTooManyStages(t *testing.T) {
	chain := func(n int) []byte {
		var b strings.Builder
		b.WriteString("FROM alpine:3.20 AS s0\n")
		for i := 1; i < n; i++ {
			fmt.Fprintf(&b, "FROM s%d AS s%d\n", i-1, i)
		}
		return []byte(b.String())
	}
	rs, errs := Load("Dockerfile", chain(maxStages))
	if len(rs) != 1 || len(errs) != 0 {
		t.Fatalf("%d stages: resources %d, errors %v", maxStages, len(rs), errs)
	}
	rs, errs = Load("Dockerfile", chain(20*maxStages))
	var se *source.Error
	if len(rs) != 0 || len(errs) != 1 || !errors.As(errs[0], &se) || se.Range.Start.Line != maxStages+1 {
		t.Errorf("%d stages: resources %d, errors %v; want one error at line %d", 20*maxStages, len(rs), errs, maxStages+1)
	}
}

// TestGlobalArgChain: each global ARG sees the ones before it, also in a
// long chain (which was quadratic).
func TestGlobalArgChain(t *testing.T) {
	var b strings.Builder
	b.WriteString("ARG A0=x\n")
	for i := 1; i < 5000; i++ {
		fmt.Fprintf(&b, "ARG A%d=${A%d}\n", i, i-1)
	}
	b.WriteString("FROM alpine:${A4999}\n")
	rs, errs := Load("Dockerfile", []byte(b.String()))
	if len(rs) != 1 || len(errs) != 0 {
		t.Fatalf("resources %d, errors %v", len(rs), errs)
	}
	stages := rs[0].Spec.(map[string]any)["stages"].([]any)
	from := stages[0].(map[string]any)["from"].(map[string]any)
	if got := from["image"]; got != "alpine:x" {
		t.Errorf("image = %v, want alpine:x", got)
	}
}
