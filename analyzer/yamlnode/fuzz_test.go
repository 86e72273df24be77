package yamlnode

import (
	"bytes"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// FuzzConvert checks that no input crashes the parser or the conversion,
// and that every range lies inside the file and does not end before it
// starts.
func FuzzConvert(f *testing.F) {
	for _, seed := range []string{
		"a: 1\nb: [x, {y: z}]\n",
		"lit: |\n  x\n\n  y\nnext: 1\n",
		"- &a {k: v}\n- *a\n- <<: *a\n",
		"q: \"a\\\"b\"\ns: 'it''s'\nm: one\n  two\n",
		"%YAML 1.2\n---\n? complex\n: value\n...\n",
		"x: !!binary aGVsbG8=\nt: 2024-01-01\nn: .nan\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, _ := Parse("f.yaml", data, Options{YAML11Booleans: true})
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, d := range s.Docs {
			n, err := s.Convert(Content(d))
			if err != nil {
				continue
			}
			check(t, n, lines)
		}
	})
}

func check(t *testing.T, n *source.Node, lines int) {
	r := n.Range
	if !r.IsZero() && (r.Start.Line > lines || r.End.Line > lines || r.End.Line < r.Start.Line ||
		(r.End.Line == r.Start.Line && r.End.Col < r.Start.Col)) {
		t.Fatalf("range %v-%v outside the file's %d lines or reversed", r, r.End, lines)
	}
	for _, m := range n.Members {
		check(t, m.Value, lines)
	}
	for _, it := range n.Items {
		check(t, it, lines)
	}
}
