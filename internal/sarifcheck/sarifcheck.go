// Package sarifcheck validates SARIF logs written by tests against the
// official SARIF 2.1.0 schema and the copy GitHub code scanning uses, both
// kept in testdata/schemas (see SOURCES.md there).
package sarifcheck

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SchemaFiles are the official OASIS schema (draft-04) and the copy GitHub
// code scanning validates uploads against (draft 2020-12).
var SchemaFiles = []string{"sarif-schema-2.1.0.json", "sarif-schema-2.1.0.codeql-action.json"}

var (
	once    sync.Once
	schemas []*jsonschema.Schema
	loadErr error
)

// Validate checks that out is one JSON document valid against both schemas.
func Validate(out []byte) error {
	once.Do(load)
	if loadErr != nil {
		return fmt.Errorf("load SARIF schemas: %w", loadErr)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		return fmt.Errorf("SARIF is not a single JSON document: %w", err)
	}
	var errs []error
	for i, s := range schemas {
		if err := s.Validate(doc); err != nil {
			errs = append(errs, fmt.Errorf("invalid against %s: %w", SchemaFiles[i], err))
		}
	}
	return errors.Join(errs...)
}

func load() {
	dir, err := schemaDir()
	if err != nil {
		loadErr = err
		return
	}
	for _, name := range SchemaFiles {
		s, err := compile(filepath.Join(dir, name))
		if err != nil {
			loadErr = err
			return
		}
		schemas = append(schemas, s)
	}
}

// schemaDir finds testdata/schemas from the module root, wherever the
// calling test runs.
func schemaDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata", "schemas"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the test's directory")
		}
		dir = parent
	}
}

func compile(path string) (*jsonschema.Schema, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	dropMisplacedRegionAnyOf(doc)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "file:///schemas/" + filepath.Base(path)
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
}

// dropMisplacedRegionAnyOf removes, in memory, the "anyOf" that the
// codeql-action copy places inside region's "properties": as a property
// schema it is not valid JSON Schema, so the compiler would reject the
// file, and GitHub's own validator ignores it. The OASIS schema, which has
// it in the right place, still enforces it.
func dropMisplacedRegionAnyOf(doc any) {
	root, _ := doc.(map[string]any)
	defs, _ := root["definitions"].(map[string]any)
	region, _ := defs["region"].(map[string]any)
	props, _ := region["properties"].(map[string]any)
	if _, ok := props["anyOf"].([]any); ok {
		delete(props, "anyOf")
	}
}
