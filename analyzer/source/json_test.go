package source

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestParseJSONPositions(t *testing.T) {
	doc := "{\n  \"a\": [1, {\"b\": \"ü\"}],\n  \"c\": {\n    \"d\": null\n  }\n}\n"
	n, err := ParseJSON("x.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	ix := n.Index()
	for _, c := range []struct {
		path       Path
		line, col  int
		eLine, eCo int
	}{
		{Path{"a"}, 2, 3, 2, 6},
		{Path{"a", 0}, 2, 9, 2, 10},
		{Path{"a", 1, "b"}, 2, 13, 2, 21},
		{Path{"c"}, 3, 3, 3, 6},
		{Path{"c", "d"}, 4, 5, 4, 14},
		{Path{"c", "missing"}, 3, 3, 3, 6},
		{Path{}, 2, 3, 2, 6},
	} {
		r, ok := ix.Locate(c.path)
		if !ok {
			t.Fatalf("Locate(%v) not found", c.path)
		}
		if r.Start != (Pos{c.line, c.col}) || r.End != (Pos{c.eLine, c.eCo}) {
			t.Errorf("Locate(%v) = %v-%v, want %d:%d-%d:%d", c.path, r.Start, r.End, c.line, c.col, c.eLine, c.eCo)
		}
	}
}

func TestParseJSONMatchesEncodingJSON(t *testing.T) {
	doc := `{"s":"a\"b\\u00e9\n","n":-1.5e3,"t":true,"f":false,"z":null,"l":[[],{}],"dup":1,"dup":2}`
	n, err := ParseJSON("x.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var want any
	d := json.NewDecoder(strings.NewReader(doc))
	d.UseNumber()
	if err := d.Decode(&want); err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(n.Interface())
	exp, _ := json.Marshal(want)
	if string(got) != string(exp) {
		t.Errorf("Interface() = %s, want %s", got, exp)
	}
}

func TestParseJSONErrors(t *testing.T) {
	for _, c := range []struct {
		doc  string
		line int
		msg  string
	}{
		{"{\n  \"a\": 1,\n  \"b\" 2\n}", 3, "expected ':'"},
		{"{\n  \"a\": [1, 2\n", 3, "not closed"},
		{"{\"a\": tru}", 1, "unexpected"},
		{"{\"a\": 1} x", 1, "after the top-level value"},
		{"", 1, "end of file"},
		{"{\n\n  \"a\": 01}", 3, "bad number"},
		{strings.Repeat("[", MaxDepth+5), 1, "nesting deeper"},
	} {
		_, err := ParseJSON("bad.json", []byte(c.doc))
		var se *Error
		if !errors.As(err, &se) {
			t.Fatalf("ParseJSON(%q) error = %v, want *Error", c.doc, err)
		}
		if se.Range.Start.Line != c.line || !strings.Contains(se.Msg, c.msg) || se.Range.File != "bad.json" {
			t.Errorf("ParseJSON(%q) = %v, want line %d containing %q", c.doc, err, c.line, c.msg)
		}
	}
}

func TestParseJSONAtOffsetsPositions(t *testing.T) {
	n, err := ParseJSONAt("main.tf", []byte("{\n\"a\": 1}"), Pos{Line: 10, Col: 5})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := n.Index().Locate(Path{"a"})
	if r.Start != (Pos{11, 1}) || r.File != "main.tf" {
		t.Errorf("got %v", r)
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{"b":null}]}`, `"x"`, `[`, `{"a":"\u00e9"}`, "\xef\xbb\xbf{}", `-0.1e+5`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := ParseJSON("f.json", data)
		if err != nil {
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not *Error", err)
			}
			return
		}
		if json.Valid(data) != true && !strings.HasPrefix(string(data), "\xef\xbb\xbf") {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		_ = n.Index()
		_ = n.Interface()
	})
}
