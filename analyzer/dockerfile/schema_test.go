package dockerfile

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/shipcheck/shipcheck/schemas"
)

// TestSpecMatchesSchema validates the spec of every fixture, example and
// rule case against schemas/dockerfile.json, the contract custom rules are
// written against.
func TestSpecMatchesSchema(t *testing.T) {
	raw, err := schemas.FS.ReadFile(schemas.File("dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytesReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("dockerfile.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("dockerfile.json")
	if err != nil {
		t.Fatal(err)
	}
	bad, _ := jsonschema.UnmarshalJSON(bytesReader([]byte(`{"escape": 1, "args": [], "globalInstructions": [], "stages": [], "final": 0}`)))
	if sch.Validate(bad) == nil {
		t.Fatal("the schema accepts a malformed spec")
	}
	var files []string
	for _, g := range []string{"../../testdata/rules/DKR*/*", "../../examples/docker/*"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	n := 0
	check := func(name string, data []byte) {
		rs, _ := Load(name, data)
		for _, r := range rs {
			n++
			js, _ := json.Marshal(r.Spec)
			v, err := jsonschema.UnmarshalJSON(bytesReader(js))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(v); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	for _, f := range files {
		if !IsDockerfileName(f) {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(f, data)
	}
	for _, rc := range ruleCases {
		check(rc.rule+"/"+rc.name, []byte(rc.src))
	}
	if n < 100 {
		t.Errorf("only %d specs validated", n)
	}
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
