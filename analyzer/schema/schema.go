// Package schema checks canonical resources against the JSON Schemas in
// schemas/ (the AWS API's own field list): SCH001 for fields the API does
// not define, SCH002 for values of the wrong type or outside an enum.
//
// Sanitize then removes what was reported from the spec so the Rego rules
// treat it as absent: a misspelled field never triggers the rule for the
// field it was meant to be, and a value of the wrong type never reaches a
// rule that expects an object, list, number or boolean.
package schema

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/schemas"
)

// Rule IDs of the findings this package makes.
const (
	UnknownField = "SCH001"
	InvalidValue = "SCH002"
)

// kindSchema is the compiled schema of one kind and its raw document, which
// answers "what may this object hold" for did-you-mean and sanitizing.
type kindSchema struct {
	compiled *jsonschema.Schema
	doc      map[string]any

	placesOnce sync.Once
	byName     map[string][]place
}

var loadSchemas = sync.OnceValues(compileAll)

// compileAll compiles every embedded schema once; the compiled schemas are
// read-only and safe for concurrent use.
func compileAll() (map[string]*kindSchema, error) {
	c := jsonschema.NewCompiler()
	docs := map[string]map[string]any{}
	for _, k := range schemas.Kinds() {
		f, err := schemas.FS.Open(schemas.File(k))
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("schema of %s: %w", k, err)
		}
		obj, ok := doc.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("schema of %s: not an object", k)
		}
		if err := c.AddResource(url(k), doc); err != nil {
			return nil, fmt.Errorf("schema of %s: %w", k, err)
		}
		docs[k] = obj
	}
	out := map[string]*kindSchema{}
	for k, doc := range docs {
		sch, err := c.Compile(url(k))
		if err != nil {
			return nil, fmt.Errorf("compile schema of %s: %w", k, err)
		}
		out[k] = &kindSchema{compiled: sch, doc: doc}
	}
	return out, nil
}

func url(kind string) string { return "shipcheck:///schemas/" + schemas.File(kind) }

// Has reports whether kind has a schema.
func Has(kind string) bool {
	all, err := loadSchemas()
	return err == nil && all[kind] != nil
}

// Validate checks r's spec against the schema of its kind and returns the
// SCH001 and SCH002 findings, sorted by path. A kind without a schema has
// none. Null values and unknown values (a template such as "${var.x}" kept
// as written) are never reported. r is not modified.
func Validate(r *resource.Resource) []resource.Diagnostic {
	all, err := loadSchemas()
	if err != nil {
		// The schemas are embedded and covered by tests; failing here is a
		// build defect, so say so on the resource rather than hide it.
		return []resource.Diagnostic{{RuleID: InvalidValue, Message: "schema check unavailable: " + err.Error()}}
	}
	ks := all[r.Kind]
	if ks == nil || r.Spec == nil {
		return nil
	}
	spec, rn := r.Spec, renames(nil)
	if foldsKeys(r) {
		spec = deepCopy(r.Spec)
		rn = ks.fold(spec)
	}
	c := checker{r: r, ks: ks, spec: spec, renames: rn, seen: map[string]bool{}}
	c.out = append(c.out, rn.diagnostics()...)
	err = ks.compiled.Validate(spec)
	var verr *jsonschema.ValidationError
	if errors.As(err, &verr) {
		c.walk(verr)
	}
	if strictScalars(r) {
		c.quotedScalars(ks.doc, spec, nil)
	}
	sort.SliceStable(c.out, func(i, j int) bool { return pathLess(c.out[i].Path, c.out[j].Path) })
	return c.out
}

type checker struct {
	r  *resource.Resource
	ks *kindSchema
	// spec is what was validated: r.Spec, or for Terraform a copy with
	// keys in the API's case; renames maps its paths back to r.Spec's.
	spec    any
	renames renames
	out     []resource.Diagnostic
	seen    map[string]bool
}

// walk turns the leaves of the error tree into diagnostics.
func (c *checker) walk(e *jsonschema.ValidationError) {
	if len(e.Causes) > 0 {
		for _, cause := range e.Causes {
			c.walk(cause)
		}
		return
	}
	p, v, ok := instance(c.spec, e.InstanceLocation)
	if !ok {
		return
	}
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		if terraform(c.r) && !inContainer(p) {
			// Terraform itself rejects unknown attributes; outside the
			// container_definitions JSON an unknown field can only come
			// from the adapter's mapping, never from the user.
			return
		}
		for _, name := range k.Properties {
			if unknown(name) {
				// A key written as an interpolation ("${k}": ... in an
				// %{for} over unknown members) names no field yet.
				continue
			}
			c.add(c.unknownField(p, name))
		}
	case *kind.Enum:
		if v == nil || v == "" || unknown(v) {
			return // "" is how Terraform plans and CLI skeletons leave a value unset
		}
		c.add(c.invalidValue(p, v, e))
	case *kind.Type, *kind.Pattern:
		if v == nil || unknown(v) {
			return
		}
		c.add(c.invalidValue(p, v, e))
	}
}

// add records d, with its path as written in the file.
func (c *checker) add(d resource.Diagnostic) {
	d.Path = c.renames.original(d.Path)
	key := d.RuleID + "\x00" + d.Path.String()
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.out = append(c.out, d)
}

// instance follows an instance location (all tokens are strings) through
// the spec, turning list indexes into ints, and returns the value there.
func instance(spec any, loc []string) (source.Path, any, bool) {
	p := make(source.Path, 0, len(loc))
	v := spec
	for _, tok := range loc {
		switch x := v.(type) {
		case map[string]any:
			v = x[tok]
			p = append(p, tok)
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil, nil, false
			}
			v = x[i]
			p = append(p, i)
		default:
			return nil, nil, false
		}
	}
	return p, v, true
}

// templated matches a value kept as its source expression because it could
// not be evaluated (as the Rego values.unknown helper: ${...}, {{ ... }},
// $(...)), or a placeholder a deploy pipeline substitutes before the file
// reaches AWS: #{...} (Octopus, Azure DevOps), a whole-value $VAR
// (envsubst), <PLACEHOLDER> (CodeDeploy's <IMAGE1_NAME>) or __TOKEN__.
var templated = regexp.MustCompile(`\$\{[^}]*\}|\{\{.*\}\}|\$\([^)]*\)|#\{[^}]*\}|` +
	`^\s*(\$[A-Za-z_][A-Za-z0-9_]*|<[^<>\s]+>|__[A-Za-z0-9_]+__)\s*$`)

func unknown(v any) bool {
	s, ok := v.(string)
	return ok && templated.MatchString(s)
}

// at returns the schema object describing the value at p, following $ref,
// properties, additionalProperties and items; nil when p leaves the schema.
func (ks *kindSchema) at(p source.Path) map[string]any {
	node := ks.resolve(ks.doc)
	for _, e := range p {
		if node == nil {
			return nil
		}
		var next any
		switch x := e.(type) {
		case string:
			props, _ := node["properties"].(map[string]any)
			if f := foldedKey(x, props); f != "" && props[x] == nil {
				x = f // a Terraform key in another case
			}
			if props[x] != nil {
				next = props[x]
			} else {
				next = node["additionalProperties"]
			}
		case int:
			next = node["items"]
		}
		sub, _ := next.(map[string]any)
		node = ks.resolve(sub)
	}
	return node
}

// resolve follows local "$ref": "#/$defs/Name" references.
func (ks *kindSchema) resolve(node map[string]any) map[string]any {
	for i := 0; node != nil && i < 8; i++ {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node
		}
		defs, _ := ks.doc["$defs"].(map[string]any)
		node, _ = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
	}
	return node
}

// properties lists the field names the object at p may hold.
func (ks *kindSchema) properties(p source.Path) []string {
	node := ks.at(p)
	props, _ := node["properties"].(map[string]any)
	names := make([]string, 0, len(props))
	for n := range props {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func pathLess(a, b source.Path) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] == b[i] {
			continue
		}
		ai, aInt := a[i].(int)
		bi, bInt := b[i].(int)
		if aInt && bInt {
			return ai < bi
		}
		return fmt.Sprint(a[i]) < fmt.Sprint(b[i])
	}
	return len(a) < len(b)
}
