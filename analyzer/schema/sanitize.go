package schema

import (
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// Sanitize removes from r.Spec what diags (from Validate) reported, so the
// rules treat it as absent: unknown fields (a misspelled `privilege: true`
// must not pass for `privileged`), and values of the wrong type (a string
// where an object, list, number or boolean belongs). A list item of the
// wrong type becomes null rather than being removed, so the paths of the
// other items, and of every finding on them, stay valid.
//
// For Terraform, container definition keys written in another case than
// the API's ("healthcheck"), which the provider accepts, are renamed to the
// API's spelling.
//
// Values outside an enum are kept: they have the right type, rules compare
// them with the values they look for, and removing them would turn, say, a
// misspelled deployment controller into the default one. So are numbers
// and booleans written as strings in ECS JSON ("80", "true"): the rules
// read them as meant.
func Sanitize(r *resource.Resource, diags []resource.Diagnostic) {
	all, err := loadSchemas()
	if err != nil {
		return
	}
	ks := all[r.Kind]
	if ks == nil {
		return
	}
	for _, d := range diags {
		switch {
		case d.RuleID == UnknownField && !(foldsKeys(r) && ks.caseOnly(r.Spec, d.Path)):
			remove(r.Spec, d.Path)
		case d.RuleID == InvalidValue && !ks.enumMismatch(r.Spec, d.Path) && !ks.quotedScalar(r.Spec, d.Path):
			remove(r.Spec, d.Path)
		}
	}
	if foldsKeys(r) {
		reindex(r, ks.fold(r.Spec))
	}
}

// caseOnly holds when the key at p differs from a field of its object only
// in case and the object does not also hold that field: fold renames it
// below rather than removing it.
func (ks *kindSchema) caseOnly(spec any, p source.Path) bool {
	if len(p) == 0 {
		return false
	}
	key, ok := p[len(p)-1].(string)
	props, _ := ks.at(p[:len(p)-1])["properties"].(map[string]any)
	folded := foldedKey(key, props)
	if !ok || folded == "" {
		return false
	}
	_, parent, found := instance(spec, stringsOf(p[:len(p)-1]))
	obj, isObj := parent.(map[string]any)
	if !found || !isObj {
		return false
	}
	spellings := 0
	for k := range obj {
		if strings.EqualFold(k, folded) {
			spellings++
		}
	}
	return spellings == 1 // two spellings of one field: neither is a clean rename
}

// enumMismatch holds when the value at p is a string checked against an
// enum: the right type, a wrong value.
func (ks *kindSchema) enumMismatch(spec any, p source.Path) bool {
	_, v, ok := instance(spec, stringsOf(p))
	if _, isString := v.(string); !ok || !isString {
		return false
	}
	_, hasEnum := ks.at(p)["enum"]
	return hasEnum
}

func stringsOf(p source.Path) []string {
	out := make([]string, len(p))
	for i, e := range p {
		out[i] = source.Path{e}.String()
	}
	return out
}

// remove deletes the member at p from its parent object, or sets the item
// at p of its parent list to nil. A path that no longer resolves (its
// parent was removed first) is ignored.
func remove(spec any, p source.Path) {
	if len(p) == 0 {
		return
	}
	_, parent, ok := instance(spec, stringsOf(p[:len(p)-1]))
	if !ok {
		return
	}
	switch x := parent.(type) {
	case map[string]any:
		if k, ok := p[len(p)-1].(string); ok {
			delete(x, k)
		}
	case []any:
		if i, ok := p[len(p)-1].(int); ok && i >= 0 && i < len(x) {
			x[i] = nil
		}
	}
}
