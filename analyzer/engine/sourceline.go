package engine

import (
	"context"
	"encoding/json"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// shipcheck.source.line(path) lets a message name the line of a value other
// than the one the finding points at: a Kubernetes container inheriting
// runAsUser: 0 from its pod is reported at the container, and the message
// says on which line the pod sets it. It is undefined when the path is not
// indexed, and in Rego unit tests, which have no source.
func init() {
	rego.RegisterBuiltin1(&rego.Function{
		Name:        "shipcheck.source.line",
		Description: "Returns the source line of a path of input.spec in the evaluated resource; undefined when unknown.",
		Decl:        types.NewFunction(types.Args(types.NewArray(nil, types.A)), types.N),
	}, sourceLine)
}

type resourceKey struct{}

// withResource makes r available to builtins evaluated under ctx.
func withResource(ctx context.Context, r *resource.Resource) context.Context {
	return context.WithValue(ctx, resourceKey{}, r)
}

func sourceLine(bctx rego.BuiltinContext, a *ast.Term) (*ast.Term, error) {
	r, _ := bctx.Context.Value(resourceKey{}).(*resource.Resource)
	arr, ok := a.Value.(*ast.Array)
	if r == nil || r.Index == nil || !ok {
		return nil, nil
	}
	p := make(source.Path, 0, arr.Len())
	for i := range arr.Len() {
		switch v := arr.Elem(i).Value.(type) {
		case ast.String:
			p = append(p, string(v))
		case ast.Number:
			n, err := json.Number(v).Int64()
			if err != nil {
				return nil, nil
			}
			p = append(p, int(n))
		default:
			return nil, nil
		}
	}
	rg, ok := r.Index.Locate(p)
	if !ok {
		return nil, nil
	}
	return ast.IntNumberTerm(rg.Start.Line), nil
}
