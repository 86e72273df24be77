package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// policyDocument renders data.aws_iam_policy_document.<name>.json (or
// .minified_json) into the IAM JSON document the data source produces,
// with every element pointing at the block it came from: statement blocks
// become Statement[] with Sid, Effect (Allow by default), Action,
// NotAction, Resource, NotResource, Principal and NotPrincipal
// ({type: identifiers}) and Condition ({test: {variable: values}}).
// Documents merged in through source_policy_documents or
// override_policy_documents are not known here; the statements written in
// the block still are. An instance of a data source with count or
// for_each (data.aws_iam_policy_document.x[0].json) is its block, with
// count.index and each.* unknown.
func (w *walker) policyDocument(e *hclsyntax.ScopeTraversalExpr) (*source.Node, bool) {
	return w.policyTraversal(e.Traversal)
}

// indexedPolicyDocument is policyDocument for an instance picked by an
// expression, data.aws_iam_policy_document.x[each.key].json.
func (w *walker) indexedPolicyDocument(e *hclsyntax.RelativeTraversalExpr) (*source.Node, bool) {
	idx, ok := e.Source.(*hclsyntax.IndexExpr)
	if !ok || len(e.Traversal) != 1 {
		return nil, false
	}
	coll, ok := idx.Collection.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(coll.Traversal) != 3 {
		return nil, false
	}
	t := append(coll.Traversal[:3:3], e.Traversal[0])
	return w.policyTraversal(t)
}

func (w *walker) policyTraversal(t hcl.Traversal) (*source.Node, bool) {
	if len(t) == 5 {
		if _, ok := t[3].(hcl.TraverseIndex); ok {
			t = append(t[:3:3], t[4])
		}
	}
	if len(t) != 4 || t.RootName() != "data" {
		return nil, false
	}
	typ, ok1 := t[1].(hcl.TraverseAttr)
	name, ok2 := t[2].(hcl.TraverseAttr)
	out, ok3 := t[3].(hcl.TraverseAttr)
	if !ok1 || !ok2 || !ok3 || typ.Name != "aws_iam_policy_document" || (out.Name != "json" && out.Name != "minified_json") {
		return nil, false
	}
	blk := w.policies[name.Name]
	if blk == nil {
		return nil, false
	}
	rb := &rawBuilder{w: w, typ: typ.Name, headers: map[*source.Node]source.Range{}}
	raw := rb.native(blk.Body, true)
	header := toRange(blk.DefRange())
	doc := &source.Node{Kind: source.Object, Range: header}
	version := str("2012-10-17", header)
	if m, ok := member(raw, "version"); ok && m.Value.Kind != source.Null {
		version = m.Value
	}
	doc.Members = append(doc.Members, source.Member{Key: "Version", KeyRange: header, Value: version})
	statements := &source.Node{Kind: source.Array, Range: header}
	if m, ok := member(raw, "statement"); ok {
		statements.Range = m.KeyRange
		for _, st := range objects(m.Value) {
			statements.Items = append(statements.Items, policyStatement(st, rb.headers[st]))
		}
	}
	doc.Members = append(doc.Members, source.Member{Key: "Statement", KeyRange: statements.Range, Value: statements})
	return doc, true
}

var statementFields = []struct{ tf, iam string }{
	{"sid", "Sid"}, {"actions", "Action"}, {"not_actions", "NotAction"},
	{"resources", "Resource"}, {"not_resources", "NotResource"},
}

func policyStatement(raw *source.Node, header source.Range) *source.Node {
	st := &source.Node{Kind: source.Object, Range: header}
	add := func(key string, kr source.Range, v *source.Node) {
		st.Members = append(st.Members, source.Member{Key: key, KeyRange: kr, Value: v})
	}
	if m, ok := member(raw, "effect"); ok && m.Value.Kind != source.Null {
		add("Effect", m.KeyRange, m.Value)
	} else {
		add("Effect", header, str("Allow", header))
	}
	for _, f := range statementFields {
		if m, ok := member(raw, f.tf); ok && m.Value.Kind != source.Null {
			add(f.iam, m.KeyRange, m.Value)
		}
	}
	for _, p := range []struct{ tf, iam string }{{"principals", "Principal"}, {"not_principals", "NotPrincipal"}} {
		if m, ok := member(raw, p.tf); ok {
			add(p.iam, m.KeyRange, principals(m.Value))
		}
	}
	if m, ok := member(raw, "condition"); ok {
		add("Condition", m.KeyRange, conditions(m.Value))
	}
	return st
}

// principals turns principals blocks into {type: identifiers}; the
// wildcard principal {type = "*", identifiers = ["*"]} is "*".
func principals(n *source.Node) *source.Node {
	out := &source.Node{Kind: source.Object, Range: n.Range}
	for _, p := range objects(n) {
		typ, ids := p.Get("type"), p.Get("identifiers")
		if typ == nil || ids == nil {
			continue
		}
		if typ.Str() == "*" {
			return str("*", typ.Range)
		}
		key := typ.Str()
		if typ.Kind != source.String {
			continue
		}
		mem, _ := member(p, "identifiers")
		out.Members = append(out.Members, source.Member{Key: key, KeyRange: mem.KeyRange, Value: ids})
	}
	return out
}

// conditions turns condition blocks into {test: {variable: values}}.
func conditions(n *source.Node) *source.Node {
	out := &source.Node{Kind: source.Object, Range: n.Range}
	for _, c := range objects(n) {
		test, variable, values := c.Get("test"), c.Get("variable"), c.Get("values")
		if test == nil || variable == nil || values == nil || test.Kind != source.String || variable.Kind != source.String {
			continue
		}
		byTest := out.Get(test.Str())
		if byTest == nil {
			byTest = &source.Node{Kind: source.Object, Range: test.Range}
			out.Members = append(out.Members, source.Member{Key: test.Str(), KeyRange: test.Range, Value: byTest})
		}
		byTest.Members = append(byTest.Members, source.Member{Key: variable.Str(), KeyRange: variable.Range, Value: values})
	}
	return out
}

func str(s string, r source.Range) *source.Node {
	return &source.Node{Kind: source.String, Value: s, Range: r}
}
