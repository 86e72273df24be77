package terraform

import (
	"encoding/json"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/analyzer/yamlnode"
)

// Container definitions are often written in YAML and converted with
// jsonencode(yamldecode(file("x.yaml"))) or
// jsonencode(yamldecode(templatefile("x.yaml.tpl", {...}))).

// yamlDecoded reads yamldecode(file(...)) or yamldecode(templatefile(...))
// with positions in the YAML file; nil for any other expression, or when
// the document cannot be read or rendered statically (the call is then
// evaluated as a whole).
func (w *walker) yamlDecoded(e *hclsyntax.FunctionCallExpr) *source.Node {
	if e.Name != "yamldecode" || len(e.Args) != 1 {
		return nil
	}
	f, ok := e.Args[0].(*hclsyntax.FunctionCallExpr)
	if !ok {
		return nil
	}
	switch {
	case f.Name == "file" && len(f.Args) == 1:
		name, ok := w.knownString(f.Args[0])
		if !ok {
			return nil
		}
		path := resolvePath(w.moduleDir(), name)
		data, err := readLimited(path)
		if err != nil {
			return nil
		}
		return parseYAMLDoc(path, data, nil)
	case f.Name == "templatefile" && len(f.Args) == 2:
		inner, te, path, err := w.templateWalker(f.Args[0], f.Args[1])
		if err != nil {
			return nil
		}
		// Rendered as Terraform renders it: an unknown interpolation is
		// left as its source text, a plain scalar such as
		// "${repo}:latest" for the image.
		rt := inner.renderTemplate(te, false)
		return parseYAMLDoc(path, []byte(rt.b.String()), rt.positions())
	}
	return nil
}

// parseYAMLDoc parses a single YAML document; pm maps positions in data
// to where they were written, for rendered templates.
func parseYAMLDoc(path string, data []byte, pm *posMap) *source.Node {
	s, err := yamlnode.Parse(path, data, yamlnode.Options{})
	if err != nil || len(s.Docs) != 1 {
		return nil
	}
	n, err := s.Convert(yamlnode.Content(s.Docs[0]))
	if err != nil {
		return nil
	}
	if pm != nil {
		pm.node(n)
	}
	return n
}

// yamldecodeFunc is Terraform's yamldecode for values: one YAML 1.2
// document, mappings as objects and sequences as tuples.
var yamldecodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "src", Type: cty.String}},
	Type: func(args []cty.Value) (cty.Type, error) {
		if !args[0].IsKnown() {
			return cty.DynamicPseudoType, nil
		}
		v, err := decodeYAML(args[0].AsString())
		if err != nil {
			return cty.NilType, function.NewArgError(0, err)
		}
		return v.Type(), nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return decodeYAML(args[0].AsString())
	},
})

func decodeYAML(src string) (cty.Value, error) {
	s, err := yamlnode.Parse("<yamldecode>", []byte(src), yamlnode.Options{})
	if err != nil {
		return cty.NilVal, err
	}
	if len(s.Docs) != 1 {
		return cty.NilVal, errOneDocument
	}
	n, err := s.Convert(yamlnode.Content(s.Docs[0]))
	if err != nil {
		return cty.NilVal, err
	}
	if n.Kind == source.Null {
		return cty.NullVal(cty.DynamicPseudoType), nil
	}
	b, err := json.Marshal(n.Interface())
	if err != nil {
		return cty.NilVal, err
	}
	ty, err := ctyjson.ImpliedType(b)
	if err != nil {
		return cty.NilVal, err
	}
	return ctyjson.Unmarshal(b, ty)
}

type oneDocument struct{}

func (oneDocument) Error() string { return "yamldecode reads exactly one YAML document" }

var errOneDocument error = oneDocument{}
