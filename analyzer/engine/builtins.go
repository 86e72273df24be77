package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/shipcheck/shipcheck/analyzer/imageref"
	"github.com/shipcheck/shipcheck/analyzer/secrets"
)

// The shipcheck.* builtins give rules one shared, tested implementation of
// image-reference parsing and secret detection. They are registered
// globally so that the Rego test runner sees them too.
func init() {
	rego.RegisterBuiltin1(&rego.Function{
		Name:        "shipcheck.image.parse",
		Description: "Parses a container image reference: registry, repository, tag, digest, unknown, mutable, reason.",
		Decl:        types.NewFunction(types.Args(types.S), types.NewObject(nil, types.NewDynamicProperty(types.S, types.A))),
		Memoize:     true,
	}, imageParse)
	rego.RegisterBuiltin2(&rego.Function{
		Name:        "shipcheck.secret.classify",
		Description: "Classifies an environment variable as a secret: {severity, reason, masked}, undefined when it is not one.",
		Decl:        types.NewFunction(types.Args(types.S, types.A), types.NewObject(nil, types.NewDynamicProperty(types.S, types.A))),
		Memoize:     true,
	}, secretClassify)
	rego.RegisterBuiltin1(&rego.Function{
		Name:        "shipcheck.secret.mask",
		Description: "Masks a value for output.",
		Decl:        types.NewFunction(types.Args(types.A), types.S),
	}, secretMask)
}

func imageParse(_ rego.BuiltinContext, a *ast.Term) (*ast.Term, error) {
	s, ok := a.Value.(ast.String)
	if !ok {
		return nil, nil
	}
	r := imageref.Parse(string(s))
	mutable, reason := r.Mutable()
	return ast.ObjectTerm(
		ast.Item(ast.StringTerm("registry"), ast.StringTerm(r.Registry)),
		ast.Item(ast.StringTerm("repository"), ast.StringTerm(r.Repository)),
		ast.Item(ast.StringTerm("tag"), ast.StringTerm(r.Tag)),
		ast.Item(ast.StringTerm("digest"), ast.StringTerm(r.Digest)),
		ast.Item(ast.StringTerm("unknown"), ast.BooleanTerm(r.Unknown)),
		ast.Item(ast.StringTerm("mutable"), ast.BooleanTerm(mutable)),
		ast.Item(ast.StringTerm("reason"), ast.StringTerm(reason)),
	), nil
}

func secretClassify(_ rego.BuiltinContext, name, value *ast.Term) (*ast.Term, error) {
	n, ok := name.Value.(ast.String)
	if !ok {
		return nil, nil
	}
	v, ok := value.Value.(ast.String)
	if !ok {
		return nil, nil // numbers, booleans and null are never secrets
	}
	m, found := secrets.Classify(string(n), string(v))
	if !found {
		return nil, nil
	}
	return ast.ObjectTerm(
		ast.Item(ast.StringTerm("severity"), ast.StringTerm(m.Severity)),
		ast.Item(ast.StringTerm("reason"), ast.StringTerm(m.Reason)),
		ast.Item(ast.StringTerm("masked"), ast.StringTerm(m.Masked)),
	), nil
}

func secretMask(_ rego.BuiltinContext, a *ast.Term) (*ast.Term, error) {
	s, ok := a.Value.(ast.String)
	if !ok {
		return ast.StringTerm(secrets.Mask(a.String())), nil
	}
	return ast.StringTerm(secrets.Mask(string(s))), nil
}
