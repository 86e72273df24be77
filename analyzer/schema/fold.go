package schema

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// The Terraform AWS provider decodes container_definitions with Go's
// encoding/json into the SDK's ContainerDefinition, which matches keys
// case-insensitively: "healthcheck", "HealthCheck" and
// "readOnlyRootFilesystem" all take effect there (unlike with the AWS CLI
// and SDKs, where they are errors or dropped). For Terraform resources such
// keys are therefore not findings; they are renamed to the API's spelling so
// the rules see them. Keys that match no field, such as "port_mappings",
// are still dropped by the provider and still reported.

// foldsKeys reports whether r's container definitions are read with
// case-insensitive keys.
func foldsKeys(r *resource.Resource) bool { return terraform(r) }

// foldedKey returns the name in props that key spells in another case, or
// "" when props defines key itself or nothing like it.
func foldedKey(key string, props map[string]any) string {
	if _, ok := props[key]; ok {
		return ""
	}
	for name := range props {
		if strings.EqualFold(name, key) {
			return name
		}
	}
	return ""
}

// rename is a member written in another case than the API's.
type rename struct{ canonical, written source.Path }

// renames are keyed by the canonical path's String.
type renames map[string]rename

// original turns a path in the canonical spec back into the path written in
// the file, through the longest renamed prefix.
func (rn renames) original(p source.Path) source.Path {
	for n := len(p); n > 0; n-- {
		if r, ok := rn[p[:n].String()]; ok {
			out := make(source.Path, 0, len(p))
			out = append(out, r.written...)
			return append(out, p[n:]...)
		}
	}
	return p
}

// fold renames, in place, the keys under containerDefinitions that differ
// from the schema's spelling only in case, and returns the renames.
func (ks *kindSchema) fold(spec any) renames {
	rn := renames{}
	root, _ := spec.(map[string]any)
	list, _ := root[containers].([]any)
	for i, c := range list {
		p := source.Path{containers, i}
		ks.foldValue(c, p, p, rn)
	}
	return rn
}

func (ks *kindSchema) foldValue(v any, written, canonical source.Path, rn renames) {
	switch x := v.(type) {
	case []any:
		for i, item := range x {
			ks.foldValue(item, written.Child(i), canonical.Child(i), rn)
		}
	case map[string]any:
		writtenKey := map[string]string{}
		if props, ok := ks.at(canonical)["properties"].(map[string]any); ok {
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				to := foldedKey(k, props)
				if _, taken := x[to]; to == "" || taken {
					continue
				}
				x[to] = x[k]
				delete(x, k)
				writtenKey[to] = k
				rn[canonical.Child(to).String()] = rename{canonical.Child(to), written.Child(k)}
			}
		}
		for k, child := range x {
			wk := k
			if orig, ok := writtenKey[k]; ok {
				wk = orig
			}
			ks.foldValue(child, written.Child(wk), canonical.Child(k), rn)
		}
	}
}

// deepCopy copies the maps and lists of a decoded JSON value.
func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = deepCopy(e)
		}
		return a
	}
	return v
}

// reindex makes the index answer for the renamed paths: every node under a
// renamed member gets the range of the node as it was written.
func reindex(r *resource.Resource, rn renames) {
	if r.Index == nil {
		return
	}
	for _, m := range rn {
		_, v, ok := instance(r.Spec, stringsOf(m.canonical))
		if ok {
			indexTree(r, rn, m.canonical, v)
		}
	}
}

func indexTree(r *resource.Resource, rn renames, p source.Path, v any) {
	if rg, ok := r.Index.Locate(rn.original(p)); ok {
		r.Index.Add(p, rg)
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			indexTree(r, rn, p.Child(k), e)
		}
	case []any:
		for i, e := range x {
			indexTree(r, rn, p.Child(i), e)
		}
	}
}

// diagnostics reports the renamed keys of each container once, at low
// severity, at the first one written: they work in Terraform, but the ECS
// API, the CLI and CloudFormation reject or drop them, so a definition
// copied between them silently loses the settings.
func (rn renames) diagnostics() []resource.Diagnostic {
	byContainer := map[string][]rename{}
	for _, r := range rn {
		c := r.written[:min(2, len(r.written))].String()
		byContainer[c] = append(byContainer[c], r)
	}
	out := make([]resource.Diagnostic, 0, len(byContainer))
	for _, group := range byContainer {
		sort.Slice(group, func(i, j int) bool { return pathLess(group[i].written, group[j].written) })
		var pairs []string
		for _, r := range group {
			written, _ := r.written[len(r.written)-1].(string)
			canonical, _ := r.canonical[len(r.canonical)-1].(string)
			pairs = append(pairs, fmt.Sprintf("%q → %q", written, canonical))
		}
		if len(pairs) > 5 {
			pairs = append(pairs[:5], fmt.Sprintf("and %d more", len(pairs)-5))
		}
		out = append(out, resource.Diagnostic{
			RuleID:   UnknownField,
			Severity: "low",
			Path:     group[0].written,
			Message: "container definition keys spelled in another case than the ECS API's (" + strings.Join(pairs, ", ") +
				"): the Terraform provider matches keys in any case, so they work here, but the AWS CLI, SDKs and CloudFormation do not; use the API's spelling",
		})
	}
	return out
}
