package schema

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// ecsJSON is the format name of ECS JSON files (analyzer/ecs.Format; not
// imported, as the ECS adapter does not depend on this package either).
const ecsJSON = "ecs"

// strictScalars holds for resources read from ECS JSON, which the AWS CLI
// (register-task-definition --cli-input-json) and the ECS API take as
// written: both reject "80" for an integer and "true" for a boolean ("STRING_VALUE
// cannot be converted to Integer"). CloudFormation and Terraform HCL
// convert such strings, so the schema accepts them for every format and
// this check adds what only ECS JSON gets wrong.
func strictScalars(r *resource.Resource) bool { return r.Format == ecsJSON }

// quotedScalars reports every integer or boolean written as a string in v,
// whose schema is node. The schema's shared integer and boolean
// definitions accept such strings; their $ref tells them apart.
func (c *checker) quotedScalars(node map[string]any, v any, p source.Path) {
	if node == nil || v == nil {
		return
	}
	if ref, ok := node["$ref"].(string); ok {
		if want := quotedType(ref); want != "" {
			if s, isString := v.(string); isString && !unknown(s) && c.ks.compiledAccepts(ref, s) {
				c.add(c.quoted(p, s, want))
			}
			return
		}
	}
	node = c.ks.resolve(node)
	switch x := v.(type) {
	case map[string]any:
		props, _ := node["properties"].(map[string]any)
		for k, child := range x {
			sub, _ := props[k].(map[string]any)
			if sub == nil {
				sub, _ = node["additionalProperties"].(map[string]any)
			}
			c.quotedScalars(sub, child, append(p[:len(p):len(p)], k))
		}
	case []any:
		items, _ := node["items"].(map[string]any)
		for i, child := range x {
			c.quotedScalars(items, child, append(p[:len(p):len(p)], i))
		}
	}
}

// quotedType names the JSON type a shared definition widens, or "".
func quotedType(ref string) string {
	switch ref {
	case "#/$defs/integer":
		return "integer"
	case "#/$defs/boolean":
		return "boolean"
	}
	return ""
}

// compiledAccepts holds when s is a string form the widened definition
// accepts ("80", "true"); anything else already failed its pattern and was
// reported as a wrong type. It matches the definition's own pattern, so
// that what is kept as a quoted scalar and what Validate accepts cannot
// drift apart ("+80" parses as an integer but fails the pattern).
func (ks *kindSchema) compiledAccepts(ref, s string) bool {
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok || quotedType(ref) == "" {
		return false
	}
	defs, _ := ks.doc["$defs"].(map[string]any)
	def, _ := defs[name].(map[string]any)
	pattern, _ := def["pattern"].(string)
	re := compiledPattern(pattern)
	return re != nil && re.MatchString(s)
}

// patterns caches the compiled patterns of the shared definitions.
var patterns sync.Map // string -> *regexp.Regexp (nil when invalid)

func compiledPattern(pattern string) *regexp.Regexp {
	if pattern == "" {
		return nil
	}
	if re, ok := patterns.Load(pattern); ok {
		return re.(*regexp.Regexp)
	}
	re, _ := regexp.Compile(pattern)
	patterns.Store(pattern, re)
	return re
}

// quoted is the SCH002 finding for a number or boolean written as a
// string. The value is kept (see Sanitize): the rules read it as meant.
func (c *checker) quoted(p source.Path, s, want string) resource.Diagnostic {
	unquoted := strings.ToLower(strings.TrimSpace(s))
	article := "an"
	if want == "boolean" {
		article = "a"
	}
	return resource.Diagnostic{RuleID: InvalidValue, Path: p, Message: fmt.Sprintf(
		"%s must be %s %s, not the string %s: the AWS CLI and the ECS API reject the whole definition; write %s without quotes",
		c.subject(p), article, want, strconv.Quote(s), unquoted)}
}

// quotedScalar holds when the value at p is a string the widened integer
// or boolean definitions accept: reported for ECS JSON, yet kept.
func (ks *kindSchema) quotedScalar(spec any, p source.Path) bool {
	_, v, ok := instance(spec, stringsOf(p))
	s, isString := v.(string)
	if !ok || !isString {
		return false
	}
	defs, _ := ks.doc["$defs"].(map[string]any)
	pattern := ks.at(p)["pattern"]
	for _, name := range []string{"integer", "boolean"} {
		def, _ := defs[name].(map[string]any)
		if def != nil && pattern != nil && def["pattern"] == pattern && ks.compiledAccepts("#/$defs/"+name, s) {
			return true
		}
	}
	return false
}
