package suppress

import (
	"strings"
	"testing"
)

// FuzzParse checks that any text parses without panicking and that every
// directive points into the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"# shipcheck:ignore ECS001,ECS002 reason\nresource {}\n",
		"x: 1 # shipcheck:ignore K8S001 until=2026-01-01",
		"// shipcheck:ignore-file DKR003\n",
		"# shipcheck:ignore , ,ECS001,, until= until=2026-13-45",
		"#shipcheck:ignore\n#\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := strings.Count(s, "\n") + 1
		for _, d := range Parse("f", []byte(s)) {
			if d.At.Start.Line < 1 || d.At.Start.Line > n || d.Target < d.At.Start.Line || d.Target > n+1 {
				t.Fatalf("directive %+v outside a %d-line file", d, n)
			}
			if len(d.Rules) == 0 && d.Problem == "" {
				t.Fatalf("directive without rules and without a problem: %+v", d)
			}
		}
	})
}
