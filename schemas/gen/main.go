// Command gen writes the JSON Schemas of the canonical AWS kinds from the
// AWS API model that botocore ships (data/ecs/2014-11-13/service-2.json,
// plain or gzipped), so every field the API defines is in the schema:
//
//	go run ./schemas/gen -model .../botocore/data/ecs/2014-11-13/service-2.json.gz -out schemas
//
// A kind's schema is the union of the API's request and response shapes
// (register-task-definition input and describe-task-definition output), since
// users keep both in their repositories. The API's types are widened where
// real files legitimately differ from the wire format: "true"/"false" for
// booleans, numeric strings for numbers, both tag spellings, timestamps as
// strings or epoch numbers.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// kind describes one canonical kind: the API shapes whose members make up
// its top level, and members whose schema is widened beyond the API's.
type kind struct {
	name        string
	title       string
	description string
	requests    []string // request shapes: what users write
	responses   []string // response shapes: what describe-* prints
	overrides   map[string]any
}

var kinds = []kind{
	{
		name:  "aws.ecs.task-definition",
		title: "ECS task definition",
		description: "An ECS task definition as register-task-definition takes it or describe-task-definition returns it " +
			"(the object inside the taskDefinition wrapper). Generated from the AWS API model by schemas/gen.",
		requests:  []string{"RegisterTaskDefinitionRequest"},
		responses: []string{"TaskDefinition"},
		overrides: map[string]any{
			// The API takes strings ("256", "1 vCPU", "2 GB"); CloudFormation,
			// Terraform and most hand-written files also use plain numbers.
			"cpu":    map[string]any{"type": []string{"string", "integer"}},
			"memory": map[string]any{"type": []string{"string", "integer"}},
		},
	},
	{
		name:  "aws.ecs.service",
		title: "ECS service",
		description: "An ECS service as create-service or update-service takes it or describe-services returns it " +
			"(one element of services[]). Generated from the AWS API model by schemas/gen.",
		requests:  []string{"CreateServiceRequest", "UpdateServiceRequest"},
		responses: []string{"Service"},
	},
}

// extraEnum lists values real deployments use that the API model's enums
// leave out, so that they are not reported as invalid.
var extraEnum = map[string][]string{
	// Accepted for EC2 tasks and passed to Docker (amazon-ecs-agent#528);
	// CDK added LogDriver.none() in 2025.
	"LogDriver": {"none"},
}

// common are the widened scalar types every schema shares; the validator
// names them in its messages by these $defs keys.
var common = map[string]any{
	"boolean": map[string]any{
		"description": `A boolean; the strings "true" and "false" (any case) are accepted as written by CloudFormation and Terraform.`,
		"type":        []string{"boolean", "string"},
		"pattern":     `^\s*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\s*$`,
	},
	"integer": map[string]any{
		"description": "An integer, or a string holding one.",
		"type":        []string{"integer", "string"},
		"pattern":     `^\s*-?[0-9]+\s*$`,
	},
	"number": map[string]any{
		"description": "A number, or a string holding one.",
		"type":        []string{"number", "string"},
		"pattern":     `^\s*-?[0-9]+(\.[0-9]+)?\s*$`,
	},
	"timestamp": map[string]any{
		"description": "A timestamp: an ISO 8601 string as the AWS CLI prints it, or epoch seconds.",
		"type":        []string{"string", "number"},
	},
	"tags": map[string]any{
		// CloudFormation's {Key, Value} is rejected by the AWS CLI ("Unknown
		// parameter in tags[0]: "Key", must be one of: key, value"); the map
		// form is how Terraform writes tags.
		"description": "Tags: the API's [{key, value}], or a {name: value} map as Terraform writes them.",
		"type":        []string{"array", "object"},
		"items": map[string]any{
			"type":                 "object",
			"additionalProperties": false,
			"properties": map[string]any{
				"key":   map[string]any{"type": "string"},
				"value": map[string]any{"type": "string"},
			},
		},
		"additionalProperties": map[string]any{"type": "string"},
	},
}

type shape struct {
	Type    string            `json:"type"`
	Members map[string]member `json:"members"`
	Member  *member           `json:"member"`
	Value   *member           `json:"value"`
	Enum    []string          `json:"enum"`
}

type member struct {
	Shape string `json:"shape"`
}

type generator struct {
	shapes map[string]shape
	defs   map[string]any
	// writable holds the shapes reachable from a request shape. Enums only
	// found in responses (task definition status, rollout state) are not
	// enforced: users never write them, and AWS adds values over time.
	writable map[string]bool
}

func main() {
	model := flag.String("model", "", "botocore service-2.json of ECS (may be gzipped)")
	out := flag.String("out", "schemas", "directory to write the schemas to")
	flag.Parse()
	if err := run(*model, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(model, out string) error {
	shapes, err := readModel(model)
	if err != nil {
		return err
	}
	for _, k := range kinds {
		doc, err := generate(shapes, k)
		if err != nil {
			return fmt.Errorf("%s: %w", k.name, err)
		}
		if err := os.WriteFile(filepath.Join(out, k.name+".json"), doc, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func readModel(path string) (map[string]shape, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		if raw, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
	}
	var m struct {
		Shapes map[string]shape `json:"shapes"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return m.Shapes, nil
}

func generate(shapes map[string]shape, k kind) ([]byte, error) {
	g := &generator{shapes: shapes, defs: map[string]any{}, writable: map[string]bool{}}
	for name, def := range common {
		g.defs[name] = def
	}
	for _, root := range k.requests {
		g.reach(root)
	}
	props := map[string]any{}
	for _, root := range append(append([]string{}, k.requests...), k.responses...) {
		s, ok := shapes[root]
		if !ok || s.Type != "structure" {
			return nil, fmt.Errorf("model has no structure %s", root)
		}
		for name, m := range s.Members {
			p, err := g.schema(m.Shape)
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", root, name, err)
			}
			if prev, ok := props[name]; ok && !sameJSON(prev, p) {
				return nil, fmt.Errorf("%s.%s: member type differs between request and response shapes", root, name)
			}
			props[name] = p
		}
	}
	for name, p := range k.overrides {
		props[name] = p
	}
	doc := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  "https://shipcheck.dev/schemas/" + k.name + ".json",
		"title":                k.title,
		"description":          k.description + " A null value is treated as absent.",
		"type":                 "object",
		"additionalProperties": false,
		"properties":           props,
		"$defs":                g.defs,
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// schema returns the schema of a value of the named API shape, adding the
// definitions of structures and enums to g.defs.
func (g *generator) schema(name string) (any, error) {
	if name == "Tags" {
		return ref("tags"), nil
	}
	s, ok := g.shapes[name]
	if !ok {
		return nil, fmt.Errorf("model has no shape %s", name)
	}
	switch s.Type {
	case "structure":
		if _, done := g.defs[name]; !done {
			g.defs[name] = nil // reserve first: shapes may be recursive
			props := map[string]any{}
			for _, mname := range sortedKeys(s.Members) {
				p, err := g.schema(s.Members[mname].Shape)
				if err != nil {
					return nil, fmt.Errorf("%s.%s: %w", name, mname, err)
				}
				props[mname] = p
			}
			g.defs[name] = map[string]any{"type": "object", "additionalProperties": false, "properties": props}
		}
		return ref(name), nil
	case "list":
		items, err := g.schema(s.Member.Shape)
		if err != nil {
			return nil, err
		}
		return map[string]any{"type": "array", "items": items}, nil
	case "map":
		values, err := g.schema(s.Value.Shape)
		if err != nil {
			return nil, err
		}
		return map[string]any{"type": "object", "additionalProperties": values}, nil
	case "string":
		if len(s.Enum) == 0 || !g.writable[name] {
			return map[string]any{"type": "string"}, nil
		}
		g.defs[name] = map[string]any{"type": "string", "enum": append(append([]string{}, s.Enum...), extraEnum[name]...)}
		return ref(name), nil
	case "integer", "long":
		return ref("integer"), nil
	case "double", "float":
		return ref("number"), nil
	case "boolean":
		return ref("boolean"), nil
	case "timestamp":
		return ref("timestamp"), nil
	}
	return nil, fmt.Errorf("shape %s has unsupported type %q", name, s.Type)
}

// reach marks the shapes reachable from name as writable.
func (g *generator) reach(name string) {
	if g.writable[name] {
		return
	}
	g.writable[name] = true
	s := g.shapes[name]
	for _, m := range s.Members {
		g.reach(m.Shape)
	}
	for _, m := range []*member{s.Member, s.Value} {
		if m != nil {
			g.reach(m.Shape)
		}
	}
}

func ref(def string) map[string]any { return map[string]any{"$ref": "#/$defs/" + def} }

func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
