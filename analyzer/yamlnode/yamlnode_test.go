package yamlnode

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

func convert(t *testing.T, doc string) *source.Node {
	t.Helper()
	s, err := Parse("f.yaml", []byte(doc), Options{YAML11Booleans: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Docs) == 0 {
		t.Fatal("no documents")
	}
	n, err := s.Convert(Content(s.Docs[0]))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func span(r source.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Col, r.End.Line, r.End.Col)
}

// TestScalarRanges checks where every scalar style ends.
func TestScalarRanges(t *testing.T) {
	doc := "plain: hello world\n" + // 1
		"dq: \"a\\\"b\" # c\n" + // 2
		"sq: 'it''s'\n" + // 3
		"multi: one\n  two\n  three\n" + // 4-6
		"lit: |\n  x\n\n  y\n\nnext: 1\n" + // 7-12
		"fold: >-\n    a\n    b\n# comment\n" + // 13-16
		"anch: &a !!str tagged\n" + // 17
		"uni: héllo wörld\n" + // 18
		"flow: {k: v, l: [1, 2]}\n" // 19
	n := convert(t, doc)
	for key, want := range map[string]string{
		"plain": "1:8-1:19",
		"dq":    "2:5-2:11",
		"sq":    "3:5-3:12",
		"multi": "4:8-6:8",
		"lit":   "7:6-10:4",
		"next":  "12:7-12:8",
		"fold":  "13:7-15:6",
		"anch":  "17:16-17:22",
		"uni":   "18:6-18:17",
		"flow":  "19:7-19:24",
	} {
		if got := span(n.Get(key).Range); got != want {
			t.Errorf("%s at %s, want %s", key, got, want)
		}
	}
	if got := span(n.Get("flow").Get("l").Range); got != "19:17-19:23" {
		t.Errorf("flow sequence at %s", got)
	}
	if v := n.Get("multi").Str(); v != "one two three" {
		t.Errorf("multi = %q", v)
	}
}

func TestBlockScalarInSequenceOfMappings(t *testing.T) {
	n := convert(t, "items:\n  - script: |\n      echo a\n      echo b\n    name: x\n")
	item := n.Get("items").Items[0]
	if got := span(item.Get("script").Range); got != "2:13-4:13" {
		t.Errorf("script at %s, want it to end before name:", got)
	}
}

func TestCRLF(t *testing.T) {
	n := convert(t, "a: one\r\nb: two\r\n")
	if got := span(n.Get("b").Range); got != "2:4-2:7" {
		t.Errorf("b at %s", got)
	}
}

func TestMergeKeys(t *testing.T) {
	n := convert(t, "base: &b {x: 1, y: 2}\nother: &o {y: 9, z: 3}\nuse:\n  <<: [*b, *o]\n  x: 0\n").Get("use")
	got := n.Interface().(map[string]any)
	if fmt.Sprintf("%v %v %v", got["x"], got["y"], got["z"]) != "0 2 3" {
		t.Errorf("merged = %v", got)
	}
	if r := n.Get("y").Range; r.Start.Line != 4 {
		t.Errorf("merged value at line %d, want the <<: line", r.Start.Line)
	}
}

func TestTypes(t *testing.T) {
	n := convert(t, "a: yes\nb: 'yes'\nc: ~\nd: 1_000\ne: 2024-01-01\nf: !!str 12\ng: 1e3\nh: 0755\n")
	want := map[string]string{"a": "true", "b": "yes", "c": "<nil>", "d": "1000", "e": "2024-01-01", "f": "12", "g": "1e3", "h": "493"}
	got := n.Interface().(map[string]any)
	for k, w := range want {
		if fmt.Sprint(got[k]) != w {
			t.Errorf("%s = %#v, want %s", k, got[k], w)
		}
	}
	if _, ok := got["f"].(string); !ok {
		t.Errorf("!!str 12 is %T", got["f"])
	}
}

func TestYAML11BooleansOff(t *testing.T) {
	s, err := Parse("f.yaml", []byte("a: yes\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.Convert(Content(s.Docs[0]))
	if err != nil || n.Get("a").Value != "yes" {
		t.Errorf("got %v, %v", n.Get("a").Value, err)
	}
}

func TestRefusals(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		fmt.Fprintf(&b, "%c: &%c [%s]\n", 'a'+i, 'a'+i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*%c, ", 'a'+i-1), 10), ", "))
	}
	for name, doc := range map[string]string{
		"bomb":  b.String(),
		"deep":  "a: " + strings.Repeat("[", 1000) + strings.Repeat("]", 1000),
		"cycle": "a: &a [*a]\n",
	} {
		s, err := Parse("f.yaml", []byte(doc), Options{})
		if err == nil {
			_, err = s.Convert(Content(s.Docs[0]))
		}
		var se *source.Error
		if !errors.As(err, &se) || se.Range.File != "f.yaml" {
			t.Errorf("%s: got %v, want a *source.Error", name, err)
		}
	}
}

func TestSyntaxErrorLine(t *testing.T) {
	_, err := Parse("f.yaml", []byte("a: 1\nb: [\n"), Options{})
	var se *source.Error
	if !errors.As(err, &se) || se.Range.Start.Line < 2 || !strings.HasPrefix(se.Msg, "invalid YAML: ") {
		t.Fatalf("got %v", err)
	}
}

func TestDirectivesAndEmptyDocuments(t *testing.T) {
	s, err := Parse("f.yaml", []byte("%YAML 1.2\n---\na: 1\n...\n---\n# only a comment\n---\nb: 2\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range s.Docs {
		switch c := Content(d); {
		case c == nil:
		case c.Kind == yaml.MappingNode:
			got = append(got, c.Content[0].Value)
		case c.ShortTag() != "!!null":
			t.Errorf("unexpected document %v", c.Value)
		}
	}
	if strings.Join(got, ",") != "a,b" {
		t.Errorf("documents = %v", got)
	}
}

// TestLongLineIsLinear guards against positions being looked up out of
// source order, which made a minified 60,000-key flow mapping take 30s.
func TestLongLineIsLinear(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 50000 {
		fmt.Fprintf(&b, "k%d: v%d, ", i, i)
	}
	b.WriteString("<<: {m: 1}}\n")
	start := time.Now()
	n := convert(t, b.String())
	if len(n.Members) != 50001 {
		t.Fatalf("got %d members", len(n.Members))
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

// With Resume a bad document does not hide the ones after it (a chart
// template that renders badly in a helm template stream); without it
// Parse stops there, as Terraform's yamldecode does.
func TestResumeAfterSyntaxError(t *testing.T) {
	stream := "a: 1\n---\nb: 2\n   c: 3\n---\nd: [\n---\ne: 5\n---\r\nf: 6\n"
	s, err := Parse("f.yaml", []byte(stream), Options{Resume: true})
	var se *source.Error
	if !errors.As(err, &se) || se.Range.Start.Line != 4 {
		t.Fatalf("first error %v, want line 4", err)
	}
	if len(s.Later) != 1 {
		t.Errorf("later errors %v, want the unclosed [ only", s.Later)
	}
	var got []string
	for _, d := range s.Docs {
		n := Content(d)
		got = append(got, fmt.Sprintf("%s@%d", n.Content[0].Value, n.Line))
	}
	if want := "[a@1 e@8 f@10]"; fmt.Sprint(got) != want {
		t.Errorf("documents %v, want %s", got, want)
	}
	if s, _ := Parse("f.yaml", []byte(stream), Options{}); len(s.Docs) != 1 || len(s.Later) != 0 {
		t.Errorf("without Resume: %d documents, later %v", len(s.Docs), s.Later)
	}
}
