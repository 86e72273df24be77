package terraform

import (
	"errors"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// TestDeepNestingIsAnError: HCL the parser or evaluator would recurse on
// past the Go stack (a fatal error, not a panic) is reported with its
// position instead; nesting real configurations use still loads.
func TestDeepNestingIsAnError(t *testing.T) {
	const n = 100000
	deep := map[string]string{
		"parentheses": "locals {\n  x = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + "\n}\n",
		"lists":       "locals {\n  x = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n}\n",
		"objects":     "locals {\n  x = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n}\n",
		"blocks":      "resource \"aws_ecs_cluster\" \"c\" {\n" + strings.Repeat("a {\n", n) + strings.Repeat("}\n", n) + "}\n",
		"templates":   "locals {\n  x = \"" + strings.Repeat("${\"", n) + "a" + strings.Repeat("\"}", n) + "\"\n}\n",
		"negations":   "locals {\n  x = " + strings.Repeat("-", n) + "1\n}\n",
		"splats":      "locals {\n  x = local.y" + strings.Repeat("[*]", n) + "\n}\n",
		"operators":   "locals {\n  x = 1" + strings.Repeat(" + 1", n) + "\n}\n",
		"conditions":  "locals {\n  x = " + strings.Repeat("true ? 1 : ", n) + "2\n}\n",
		"directives":  "locals {\n  x = <<EOT\n" + strings.Repeat("%{ if true }", n) + strings.Repeat("%{ endif }", n) + "\nEOT\n}\n",
	}
	for name, src := range deep {
		t.Run(name, func(t *testing.T) {
			_, errs := LoadModule(writeModule(t, map[string]string{"main.tf": src}), nil, Options{})
			var se *source.Error
			if len(errs) != 1 || !errors.As(errs[0], &se) || !strings.Contains(se.Msg, "nested deeper than") || se.Range.Start.Line < 2 {
				t.Errorf("errors = %v, want one nesting error with its line", errs)
			}
		})
	}
	ok := "locals {\n  x = " + strings.Repeat("[", 200) + "local.a.b[0][*].c + 1 * -2" + strings.Repeat("]", 200) + "\n" +
		"  y = " + strings.Repeat("a && ", 300) + "b\n  z = " + strings.Repeat("a || ", 300) + "b\n}\n" +
		"resource \"aws_ecs_cluster\" \"c\" {\n  name = \"c\"\n}\n"
	rs, errs := LoadModule(writeModule(t, map[string]string{"main.tf": ok}), nil, Options{})
	if len(errs) != 0 || len(rs) != 1 {
		t.Errorf("resources %d, errors %v: want the cluster and no error", len(rs), errs)
	}
}
