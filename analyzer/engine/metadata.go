package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/shipcheck/shipcheck/analyzer/result"
)

// ruleSpec is a rule's metadata and the package that implements it.
type ruleSpec struct {
	result.Rule
	pkg     ast.Ref // data.shipcheck.ecs.missing_healthcheck
	hasDeny bool
}

// readRules collects the rules declared by package-scoped METADATA blocks
// with a custom.id. The metadata is the only source of a rule's id, title,
// severity and help. Reading it from the parsed modules, before any
// compilation, lets the engine compile each kind's rules only when a
// resource of that kind shows up.
func readRules(modules map[string]*ast.Module) ([]*ruleSpec, error) {
	var specs []*ruleSpec
	seen := map[string]string{}
	for _, name := range sortedNames(modules) {
		m := modules[name]
		for _, a := range m.Annotations {
			if a.Scope != "package" || a.Custom["id"] == nil {
				continue
			}
			spec, err := specFromAnnotations(a)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", a.Location, err)
			}
			if prev, dup := seen[spec.ID]; dup {
				return nil, fmt.Errorf("%s: rule %s is already declared in %s", a.Location, spec.ID, prev)
			}
			seen[spec.ID] = a.Location.String()
			spec.pkg = m.Package.Path
			spec.File = name
			spec.hasDeny = declaresDeny(m)
			specs = append(specs, spec)
		}
	}
	sort.Slice(specs, func(i, j int) bool { return specs[i].ID < specs[j].ID })
	return specs, nil
}

// declaresDeny reports whether the module defines a deny rule; rules
// without one are metadata for findings made in Go (SCH, ERR, SUP).
func declaresDeny(m *ast.Module) bool {
	for _, r := range m.Rules {
		if r.Head.Name.String() == "deny" || (len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.Compare(ast.Var("deny")) == 0) {
			return true
		}
	}
	return false
}

func sortedNames(modules map[string]*ast.Module) []string {
	names := make([]string, 0, len(modules))
	for n := range modules {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func specFromAnnotations(a *ast.Annotations) (*ruleSpec, error) {
	str := func(k string) string { s, _ := a.Custom[k].(string); return s }
	s := &ruleSpec{Rule: result.Rule{
		ID:          str("id"),
		Name:        str("name"),
		Title:       a.Title,
		Description: strings.TrimSpace(a.Description),
		Remediation: strings.TrimSpace(str("remediation")),
		Enabled:     true,
	}}
	if s.ID == "" {
		return nil, fmt.Errorf("custom.id must be a string")
	}
	if s.Title == "" {
		return nil, fmt.Errorf("rule %s has no title", s.ID)
	}
	sev, err := result.ParseSeverity(str("severity"))
	if err != nil {
		return nil, fmt.Errorf("rule %s: %w", s.ID, err)
	}
	s.Severity = sev
	if on, ok := a.Custom["enabled"].(bool); ok {
		s.Enabled = on
	}
	s.Kinds = stringList(a.Custom["kinds"])
	if len(s.Kinds) == 0 {
		return nil, fmt.Errorf("rule %s: custom.kinds lists no resource kind", s.ID)
	}
	s.Tags = stringList(a.Custom["tags"])
	for _, rr := range a.RelatedResources {
		if rr.Ref.String() != "" {
			s.Links = append(s.Links, rr.Ref.String())
		}
	}
	return s, nil
}

func stringList(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		out = append(out, x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}
