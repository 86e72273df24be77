package schema

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/secrets"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

const containers = "containerDefinitions"

// unknownField reports name, a field the object at obj does not define.
func (c *checker) unknownField(obj source.Path, name string) resource.Diagnostic {
	d := resource.Diagnostic{RuleID: UnknownField, Path: obj.Child(name)}
	d.Message = fmt.Sprintf("unknown field %q in %s%s; ", name, c.where(obj), c.hint(obj, name))
	if terraform(c.r) && inContainer(obj) {
		d.Severity = "high"
		d.Message += "the Terraform provider silently drops unknown keys in container_definitions, so this setting never takes effect"
	} else {
		d.Message += "the AWS API rejects fields it does not define"
	}
	return d
}

// hint says what the author probably meant: the same field in another
// case, a task field written in a container (or the reverse), a field of
// another object, else a close spelling.
func (c *checker) hint(obj source.Path, name string) string {
	local := c.ks.properties(obj)
	if s := sameName(name, local); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	if h := c.misplaced(obj, name); h != "" {
		return h
	}
	near, dist := closest(name, local)
	if where := c.ks.elsewhere(obj, name); len(where) > 0 && (near == "" || dist > 1) {
		// a one-letter slip here is likelier than a move ("enabled" in
		// the circuit breaker is "enable", not serviceConnect's "enabled")
		return fmt.Sprintf(": %q belongs in %s", name, strings.Join(where, " or "))
	}
	if s := suggest(name, local); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// misplaced explains a task definition field written inside a container,
// or a container field written at the task definition's top level.
func (c *checker) misplaced(obj source.Path, name string) string {
	if c.r.Kind != resource.ECSTaskDefinition {
		return ""
	}
	task := c.ks.properties(nil)
	container := c.ks.properties(source.Path{containers, 0})
	switch {
	case len(obj) == 2 && obj[0] == containers:
		if f := sameName(name, without(task, container)); f != "" {
			return fmt.Sprintf(": %q is a task definition field, not a container field, so move it to the top level of the task definition", f)
		}
	case len(obj) == 0:
		if f := sameName(name, without(container, task)); f != "" {
			return fmt.Sprintf(": %q is a container definition field, so move it into the container's entry in containerDefinitions", f)
		}
	}
	return ""
}

// invalidValue reports v, the value at p, for a type, pattern or enum error.
func (c *checker) invalidValue(p source.Path, v any, e *jsonschema.ValidationError) resource.Diagnostic {
	d := resource.Diagnostic{RuleID: InvalidValue, Path: p}
	subject := c.subject(p)
	if k, ok := e.ErrorKind.(*kind.Enum); ok {
		want := make([]string, 0, len(k.Want))
		for _, w := range k.Want {
			want = append(want, fmt.Sprint(w))
		}
		got, hint := show(v, true), ""
		if s, ok := v.(string); ok {
			got = strconv.Quote(s)
			if m := suggest(s, want); strings.EqualFold(m, s) {
				hint = fmt.Sprintf(" (values are case-sensitive: %q)", m)
			} else if m != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", m)
			}
		}
		d.Message = fmt.Sprintf("%s has invalid value %s%s; expected one of %s", subject, got, hint, quoteAll(want))
		return d
	}
	expected := expectedType(e)
	scalar := strings.Contains(expected, "boolean") || strings.Contains(expected, "integer") || strings.Contains(expected, "number")
	got := show(v, scalar)
	if secrets.SecretEnvValue(c.spec, p) {
		got = kindOf(v) // a password written as a number is still a password
	}
	d.Message = fmt.Sprintf("%s must be %s, got %s; rules treat it as absent until it is fixed", subject, expected, got)
	return d
}

// kindOf names the type of v without showing it.
func kindOf(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case json.Number, float64, int, int64:
		return "a number"
	case bool:
		return "a boolean"
	}
	return show(v, false)
}

// expectedType names the type the schema wanted, using the shared $defs
// for the widened scalar types.
func expectedType(e *jsonschema.ValidationError) string {
	_, frag, _ := strings.Cut(e.SchemaURL, "#")
	switch frag {
	case "/$defs/boolean":
		return `a boolean (true or false)`
	case "/$defs/integer":
		return "an integer"
	case "/$defs/number":
		return "a number"
	case "/$defs/timestamp":
		return "a timestamp (ISO 8601 string or epoch seconds)"
	case "/$defs/tags":
		return "a list of {key, value} tags"
	}
	if k, ok := e.ErrorKind.(*kind.Type); ok && len(k.Want) > 0 {
		names := make([]string, len(k.Want))
		for i, w := range k.Want {
			names[i] = article(w)
		}
		return strings.Join(names, " or ")
	}
	return "a valid value"
}

func article(jsonType string) string {
	switch jsonType {
	case "object":
		return "an object"
	case "array":
		return "a list"
	case "integer":
		return "an integer"
	}
	return "a " + jsonType
}

// show renders a value for a message. Strings are quoted only where a
// scalar was expected: a string where an object or list belongs may be
// anything, a secret included.
func show(v any, quoteStrings bool) string {
	switch x := v.(type) {
	case string:
		if quoteStrings && len(x) <= 40 {
			return "the string " + strconv.Quote(x)
		}
		return "a string"
	case json.Number, bool, float64, int, int64:
		return fmt.Sprint(x)
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprintf("%T", v)
}

// subject names the field at p: "portMappings[0].protocol of container "web"".
func (c *checker) subject(p source.Path) string {
	label, rest := c.split(p)
	switch {
	case len(p) == 0:
		return c.where(p)
	case label == "":
		return render(rest)
	case len(rest) == 0:
		return label
	}
	return render(rest) + " of " + label
}

// where names the object at p: "container "web" linuxParameters", "the
// service", "deploymentConfiguration".
func (c *checker) where(p source.Path) string {
	label, rest := c.split(p)
	switch {
	case label == "" && len(rest) == 0:
		return "the " + strings.TrimPrefix(strings.ReplaceAll(c.r.Kind, "-", " "), "aws.ecs.")
	case label == "":
		return render(rest)
	case len(rest) == 0:
		return label
	}
	return label + " " + render(rest)
}

// split separates a container prefix (named like the Rego rules name
// containers) from the rest of the path.
func (c *checker) split(p source.Path) (string, source.Path) {
	if len(p) < 2 || p[0] != containers {
		return "", p
	}
	i, ok := p[1].(int)
	if !ok {
		return "", p
	}
	label := fmt.Sprintf("container #%d", i+1)
	if spec, ok := c.spec.(map[string]any); ok {
		if list, ok := spec[containers].([]any); ok && i < len(list) {
			if cd, ok := list[i].(map[string]any); ok {
				if name, ok := cd["name"].(string); ok && strings.TrimSpace(name) != "" {
					label = fmt.Sprintf("container %q", name)
				}
			}
		}
	}
	return label, p[2:]
}

// render writes a path as "portMappings[0].protocol".
func render(p source.Path) string {
	var b strings.Builder
	for _, e := range p {
		switch x := e.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", x)
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(x)
		}
	}
	return b.String()
}

// suggest returns the allowed name closest to name: the same name in
// another case or spelling (healthcheck, health_check -> healthCheck), else
// the nearest by edit distance when it is close enough to be a typo.
func suggest(name string, allowed []string) string {
	if f := sameName(name, allowed); f != "" {
		return f
	}
	best, dist := closest(name, allowed)
	if best == "" || dist > max(1, min(len(normalize(name)), 12)/4) {
		return ""
	}
	return best
}

// closest returns the allowed name nearest to name by edit distance of the
// normalized spellings, and the distance.
func closest(name string, allowed []string) (string, int) {
	n := normalize(name)
	best, bestDist := "", 0
	for _, a := range allowed {
		d := levenshtein.ComputeDistance(n, normalize(a))
		if best == "" || d < bestDist {
			best, bestDist = a, d
		}
	}
	return best, bestDist
}

// sameName returns the allowed name that differs from name only in case,
// underscores or dashes.
func sameName(name string, allowed []string) string {
	n := normalize(name)
	for _, a := range allowed {
		if normalize(a) == n {
			return a
		}
	}
	return ""
}

func normalize(s string) string {
	return strings.ToLower(strings.NewReplacer("_", "", "-", "", " ", "").Replace(s))
}

// without returns the names in a that are not in b.
func without(a, b []string) []string {
	drop := map[string]bool{}
	for _, x := range b {
		drop[x] = true
	}
	var out []string
	for _, x := range a {
		if !drop[x] {
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

func quoteAll(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

func inContainer(p source.Path) bool { return len(p) >= 2 && p[0] == containers }

// terraform holds for resources read from Terraform HCL, Terraform JSON or
// a plan.
func terraform(r *resource.Resource) bool { return strings.HasPrefix(r.Format, "terraform") }
