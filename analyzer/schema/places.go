package schema

import (
	"sort"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// place is where a field is defined in a kind's schema: object keys, with
// "[]" for list items ("containerDefinitions", "[]", "logConfiguration").
type place []string

// places maps each normalized field name to every place that defines it,
// so a field written at the wrong level can be pointed to the right one.
func (ks *kindSchema) places() map[string][]place {
	ks.placesOnce.Do(func() {
		ks.byName = map[string][]place{}
		ks.collect(ks.doc, nil, map[string]bool{})
	})
	return ks.byName
}

func (ks *kindSchema) collect(node map[string]any, at place, refs map[string]bool) {
	if ref, ok := node["$ref"].(string); ok {
		if refs[ref] || len(at) > 12 {
			return // recursive shape
		}
		refs[ref] = true
		defer delete(refs, ref)
		node = ks.resolve(node)
	}
	if items, ok := node["items"].(map[string]any); ok {
		ks.collect(items, append(at[:len(at):len(at)], "[]"), refs)
	}
	props, _ := node["properties"].(map[string]any)
	for name, sub := range props {
		n := normalize(name)
		ks.byName[n] = append(ks.byName[n], at)
		if m, ok := sub.(map[string]any); ok {
			ks.collect(m, append(at[:len(at):len(at)], name), refs)
		}
	}
}

// elsewhere returns where a field that obj does not define belongs, when
// the schema defines it under another parent: the places sharing the most
// with obj, then the shallowest, at most two of them, rendered relative to
// the container when obj is inside one.
func (ks *kindSchema) elsewhere(obj source.Path, name string) []string {
	here := placeOf(obj)
	type scored struct {
		p            place
		shared, size int
	}
	var found []scored
	for _, p := range ks.places()[normalize(name)] {
		if equalPlace(p, here) {
			continue
		}
		found = append(found, scored{p, sharedPrefix(p, here), len(p)})
	}
	if len(found) == 0 {
		return nil
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].shared != found[j].shared {
			return found[i].shared > found[j].shared
		}
		if found[i].size != found[j].size {
			return found[i].size < found[j].size
		}
		return strings.Join(found[i].p, ".") < strings.Join(found[j].p, ".")
	})
	var out []string
	for _, f := range found {
		if f.shared != found[0].shared || f.size != found[0].size || len(out) == 2 {
			break
		}
		out = append(out, renderPlace(f.p, here))
	}
	return out
}

func placeOf(p source.Path) place {
	out := make(place, len(p))
	for i, e := range p {
		if s, ok := e.(string); ok {
			out[i] = s
		} else {
			out[i] = "[]"
		}
	}
	return out
}

func equalPlace(a, b place) bool {
	return sharedPrefix(a, b) == len(a) && len(a) == len(b)
}

func sharedPrefix(a, b place) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// renderPlace writes p as "deploymentConfiguration.deploymentCircuitBreaker",
// relative to the container definition when here is inside the same one,
// and "the top level" for the root.
func renderPlace(p, here place) string {
	if len(p) >= 2 && len(here) >= 2 && p[0] == containers && here[0] == containers {
		p = p[2:]
		if len(p) == 0 {
			return "the container definition"
		}
	}
	if len(p) == 0 {
		return "the top level"
	}
	return strings.ReplaceAll(strings.Join(p, "."), ".[]", "[]")
}
