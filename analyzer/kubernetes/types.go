package kubernetes

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/secrets"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// The API server rejects a manifest whose fields have the wrong type
// ("cannot unmarshal string into Go struct field ... of type int64"): an
// env value written as a number, a quoted runAsUser, securityContext as a
// string. Those are SCH002 at the value, for the fields of the pod spec the
// rules read and the ones Helm values most often get wrong. A value of the
// wrong type is then taken out of the spec, so the rules treat it as
// absent; a boolean or an integer written in quotes ("true", "1000") is
// kept for the rules, which read it as meant. Null and template values
// (${VAR}, {{ .Values.x }}) are never reported.
const invalidValue = "SCH002"

type shape int

const (
	anyShape shape = iota
	objectShape
	arrayShape
	booleanShape
	integerShape
	stringShape
)

// field describes the expected type of a value and, for objects and
// arrays, of what it holds.
type field struct {
	shape  shape
	fields map[string]*field // object members that are checked
	item   *field            // array items
}

var (
	boolean = &field{shape: booleanShape}
	integer = &field{shape: integerShape}
	str     = &field{shape: stringShape}
	object  = &field{shape: objectShape}
)

func objectOf(fields map[string]*field) *field { return &field{shape: objectShape, fields: fields} }

func arrayOf(item *field) *field { return &field{shape: arrayShape, item: item} }

var securityContext = objectOf(map[string]*field{
	"privileged": boolean, "allowPrivilegeEscalation": boolean, "readOnlyRootFilesystem": boolean,
	"runAsNonRoot": boolean, "runAsUser": integer, "runAsGroup": integer,
	"capabilities":   objectOf(map[string]*field{"add": arrayOf(str), "drop": arrayOf(str)}),
	"seccompProfile": objectOf(map[string]*field{"type": str}),
	"seLinuxOptions": object,
})

var containerShape = objectOf(map[string]*field{
	"name": str, "image": str,
	"command": arrayOf(str), "args": arrayOf(str),
	"env":             arrayOf(objectOf(map[string]*field{"name": str, "value": str, "valueFrom": object})),
	"envFrom":         arrayOf(object),
	"ports":           arrayOf(objectOf(map[string]*field{"containerPort": integer, "hostPort": integer})),
	"resources":       objectOf(map[string]*field{"limits": object, "requests": object}),
	"securityContext": securityContext,
	"livenessProbe":   object, "readinessProbe": object, "startupProbe": object,
	"volumeMounts": arrayOf(object),
})

var podShape = objectOf(map[string]*field{
	"hostNetwork": boolean, "hostPID": boolean, "hostIPC": boolean,
	"automountServiceAccountToken": boolean, "shareProcessNamespace": boolean,
	"serviceAccountName": str,
	"securityContext": objectOf(map[string]*field{
		"runAsNonRoot": boolean, "runAsUser": integer, "runAsGroup": integer, "fsGroup": integer,
		"seccompProfile": objectOf(map[string]*field{"type": str}),
		"seLinuxOptions": object, "windowsOptions": object,
	}),
	"containers": arrayOf(containerShape), "initContainers": arrayOf(containerShape),
	"ephemeralContainers": arrayOf(containerShape),
	"volumes":             arrayOf(objectOf(map[string]*field{"hostPath": objectOf(map[string]*field{"path": str})})),
	"nodeSelector":        object,
	"os":                  objectOf(map[string]*field{"name": str}),
})

// checkTypes adds SCH002 diagnostics to r for values of the wrong type on
// the way to its pod spec and in it, and takes them out of r.Spec.
func checkTypes(r *resource.Resource) {
	obj, _ := r.Spec.(map[string]any)
	if obj == nil {
		return
	}
	path := podPath(obj)
	if path == nil {
		return
	}
	c := typeChecker{r: r}
	if c.check(obj["metadata"], object, source.Path{"metadata"}) {
		delete(obj, "metadata")
	}
	parent := obj
	for i, key := range path {
		k := key.(string)
		v, ok := parent[k]
		if !ok {
			return
		}
		if i == len(path)-1 {
			if c.check(v, podShape, path) {
				delete(parent, k)
			}
			return
		}
		if c.check(v, object, path[:i+1]) {
			delete(parent, k)
		}
		if parent, ok = v.(map[string]any); !ok {
			return
		}
	}
}

type typeChecker struct{ r *resource.Resource }

// check reports v when it is not of f's shape and checks what it holds.
// It returns true when v is to be taken out of the spec.
func (c typeChecker) check(v any, f *field, p source.Path) bool {
	if v == nil || f.shape == anyShape || unknown(v) {
		return false
	}
	if !fits(v, f.shape) {
		return c.mismatch(v, f.shape, p)
	}
	switch x := v.(type) {
	case map[string]any:
		// Most schema fields are absent: skip them before building a path,
		// as check would return false for nil anyway.
		for key, sub := range f.fields {
			if sv := x[key]; sv != nil && c.check(sv, sub, p.Child(key)) {
				delete(x, key)
			}
		}
	case []any:
		if f.item == nil {
			return false
		}
		for i, item := range x {
			if item != nil && c.check(item, f.item, p.Child(i)) {
				x[i] = nil
			}
		}
	}
	return false
}

func fits(v any, s shape) bool {
	switch s {
	case objectShape:
		_, ok := v.(map[string]any)
		return ok
	case arrayShape:
		_, ok := v.([]any)
		return ok
	case booleanShape:
		_, ok := v.(bool)
		return ok
	case integerShape:
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		_, err := strconv.ParseInt(n.String(), 10, 64)
		return err == nil
	case stringShape:
		_, ok := v.(string)
		return ok
	}
	return true
}

var quotedInteger = regexp.MustCompile(`^-?[0-9]+$`)

// mismatch reports a value of the wrong type and says whether to drop it:
// a boolean or integer written in quotes is kept.
func (c typeChecker) mismatch(v any, want shape, p source.Path) bool {
	s, isString := v.(string)
	quoted := isString && ((want == booleanShape && (s == "true" || s == "false")) ||
		(want == integerShape && quotedInteger.MatchString(s)))
	secret := secrets.SecretEnvValue(c.r.Spec, p)
	msg := fmt.Sprintf("%s must be %s, not %s: the API server rejects the manifest", dotted(p), shapeName[want], describe(v, want, secret))
	_, isBool := v.(bool)
	_, isNumber := v.(json.Number)
	switch {
	case quoted:
		msg += fmt.Sprintf("; write %s without quotes", s)
	case want == stringShape && isBool:
		msg += "; quote it (YAML reads unquoted true, false, yes, no, on and off as booleans)"
	case want == stringShape && isNumber && secret:
		msg += "; quote it"
	case want == stringShape && isNumber:
		msg += fmt.Sprintf("; quote it (%q)", scalarText(v))
	}
	c.r.Diagnostics = append(c.r.Diagnostics, resource.Diagnostic{RuleID: invalidValue, Message: msg, Path: p})
	return !quoted
}

var shapeName = map[shape]string{
	objectShape: "an object", arrayShape: "a list", booleanShape: "a boolean",
	integerShape: "an integer", stringShape: "a string",
}

// describe names the value v found where want belongs. A string is quoted
// only where a boolean or an integer belongs, and only when short: a string
// where a list or object belongs (env: ["DB_PASSWORD=..."]) may hold
// anything, a secret included. The value of a secret-looking environment
// variable is never shown.
func describe(v any, want shape, secret bool) string {
	switch x := v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case bool:
		return fmt.Sprintf("the boolean %t", x)
	case json.Number:
		if secret {
			return "a number"
		}
		return "the number " + x.String()
	case string:
		if secret || (want != booleanShape && want != integerShape) || len(x) > 40 {
			return "a string"
		}
		return fmt.Sprintf("the string %q", x)
	}
	return fmt.Sprintf("%T", v)
}

func scalarText(v any) string {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x)
	case json.Number:
		return x.String()
	}
	return fmt.Sprint(v)
}

var template = regexp.MustCompile(`\$\{[^}]*\}|\{\{.*\}\}|\$\([^)]*\)|^\$[A-Za-z_][A-Za-z0-9_]*$`)

// unknown holds for a value still to be filled in by a template tool.
func unknown(v any) bool {
	s, ok := v.(string)
	return ok && template.MatchString(s)
}

// dotted renders a path as spec.template.spec.containers[0].image.
func dotted(p source.Path) string {
	var b strings.Builder
	for i, e := range p {
		switch x := e.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", x)
		case string:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(x)
		}
	}
	return b.String()
}
