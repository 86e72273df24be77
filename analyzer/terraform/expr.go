package terraform

import (
	"encoding/json"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// maxLocalDepth bounds how far the walker follows local.x references into
// their definitions, so that cyclic locals cannot loop.
const maxLocalDepth = 8

// walker turns expressions into position-aware nodes. It evaluates what
// it can and walks object and tuple constructors itself, so that every key
// and value of jsonencode({...}) keeps its own range instead of collapsing
// into one value at the attribute.
type walker struct {
	ctx    *hcl.EvalContext
	text   func(hcl.Range) string          // the source text of a range
	locals map[string]hclsyntax.Expression // local.x definitions written in HCL
	// defaults holds the expressions that write the values of the
	// variables their type leaves as written (a default, a variables file,
	// a module call's argument), so that their values point at where they
	// are written.
	defaults map[string]writtenValue
	// writtenDefaults holds the same for all those variables, converted
	// to their type or not: only where their elements are written is taken
	// from them.
	writtenDefaults map[string]writtenValue
	// templates holds the bodies of data "template_file" blocks.
	templates map[string]*hclsyntax.Body
	// policies holds data "aws_iam_policy_document" blocks.
	policies map[string]*hclsyntax.Block
	// iter binds the iteration variables of the for expressions being
	// walked to the elements they stand for.
	iter  map[string]*source.Node
	depth int
}

func toRange(r hcl.Range) source.Range {
	return source.Range{File: r.Filename,
		Start: source.Pos{Line: r.Start.Line, Col: r.Start.Column},
		End:   source.Pos{Line: r.End.Line, Col: r.End.Column}}
}

// node converts expr to a node. A value that cannot be evaluated becomes
// a string holding its source expression, "${var.x}".
func (w *walker) node(expr hclsyntax.Expression) *source.Node {
	switch e := expr.(type) {
	case *hclsyntax.ObjectConsExpr:
		return w.object(e)
	case *hclsyntax.TupleConsExpr:
		n := &source.Node{Kind: source.Array, Range: toRange(e.Range())}
		for _, it := range e.Exprs {
			n.Items = append(n.Items, w.node(it))
		}
		return n
	case *hclsyntax.TemplateWrapExpr:
		return w.node(e.Wrapped)
	case *hclsyntax.TemplateExpr:
		if !e.IsStringLiteral() {
			s, _ := w.template(e, false)
			return &source.Node{Kind: source.String, Value: s, Range: toRange(e.Range())}
		}
	case *hclsyntax.ParenthesesExpr:
		return w.node(e.Expression)
	case *hclsyntax.ConditionalExpr:
		// A known condition selects the branch that is walked, so a
		// partly known result ("${repo_url}:latest") keeps its known
		// parts and the branch keeps its positions.
		c, diags := evaluate(e.Condition, w.ctx)
		if c, _ = c.UnmarkDeep(); !diags.HasErrors() && c.IsKnown() && !c.IsNull() && c.Type() == cty.Bool {
			if c.True() {
				return w.node(e.TrueResult)
			}
			return w.node(e.FalseResult)
		}
	case *hclsyntax.FunctionCallExpr:
		if n := w.call(e); n != nil {
			return n
		}
		if n := w.decodedFile(e); n != nil {
			return n
		}
		if n := w.yamlDecoded(e); n != nil {
			return n
		}
	case *hclsyntax.ScopeTraversalExpr:
		if n := w.iterVar(e); n != nil {
			return n
		}
		if in, def := w.localDef(e); def != nil {
			in.depth++
			defer func() { in.depth-- }()
			return in.node(def)
		}
		if n := w.writtenAttr(e); n != nil {
			return n
		}
	case *hclsyntax.ForExpr:
		if n := w.forExpr(e); n != nil {
			return n
		}
	}
	return w.value(expr)
}

// writtenValue is an expression that writes a variable's value and the
// walker that evaluates it: nil for the module's own expressions (a
// default, a variables file), the calling module's walker for the argument
// of a module call, whose expression refers to the caller's variables and
// locals and lies in the caller's files.
type writtenValue struct {
	expr hclsyntax.Expression
	in   *walker
}

// walker returns the walker that evaluates d, w when it is the module's
// own expression.
func (d writtenValue) walker(w *walker) *walker {
	if d.in != nil {
		return d.in
	}
	return w
}

// localDef returns the definition of a plain local.x reference, or of
// var.x when the variable's value is written as it is (a default, a
// variables file, a module call's argument), with the walker that
// evaluates it.
func (w *walker) localDef(e *hclsyntax.ScopeTraversalExpr) (*walker, hclsyntax.Expression) {
	if w.depth >= maxLocalDepth || len(e.Traversal) != 2 {
		return nil, nil
	}
	attr, ok := e.Traversal[1].(hcl.TraverseAttr)
	if !ok {
		return nil, nil
	}
	switch e.Traversal.RootName() {
	case "local":
		if def := w.locals[attr.Name]; def != nil {
			return w, def
		}
	case "var":
		if d, ok := w.defaults[attr.Name]; ok {
			return d.walker(w), d.expr
		}
	}
	return nil, nil
}

// writtenAttr returns the written attribute a reference var.x.a (or
// var.x.a.b...) stands for when var.x's value is written as it is (see
// localDef), so that var.container.image points where the image is
// written; nil when an attribute is not written as a member.
func (w *walker) writtenAttr(e *hclsyntax.ScopeTraversalExpr) *source.Node {
	if w.depth >= maxLocalDepth || len(e.Traversal) < 3 || e.Traversal.RootName() != "var" {
		return nil
	}
	attr, ok := e.Traversal[1].(hcl.TraverseAttr)
	if !ok {
		return nil
	}
	d, ok := w.defaults[attr.Name]
	if !ok {
		return nil
	}
	in := d.walker(w)
	in.depth++
	n := in.node(d.expr)
	in.depth--
	for _, step := range e.Traversal[2:] {
		a, ok := step.(hcl.TraverseAttr)
		if !ok || n.Kind != source.Object {
			return nil
		}
		if n = n.Get(a.Name); n == nil {
			return nil
		}
	}
	return n
}

// call walks concat() of lists and merge() of objects, so that their
// elements keep their own positions; nil when an argument is not such a
// literal (the call is then evaluated as a whole).
func (w *walker) call(e *hclsyntax.FunctionCallExpr) *source.Node {
	want := map[string]source.Kind{"concat": source.Array, "merge": source.Object}
	k, ok := want[e.Name]
	if !ok || e.ExpandFinal || len(e.Args) == 0 {
		return nil
	}
	out := &source.Node{Kind: k, Range: toRange(e.Range())}
	for _, a := range e.Args {
		n := w.node(a)
		if n.Kind != k {
			return nil
		}
		out.Items = append(out.Items, n.Items...)
		for _, m := range n.Members {
			out.Members = removeKey(out.Members, m.Key)
			out.Members = append(out.Members, m)
		}
	}
	return out
}

// decodedFile reads jsondecode(file("x.json")) and
// jsondecode(templatefile("x.json.tpl", {...})) with positions in the file;
// nil for anything else, or when the file cannot be read or rendered.
func (w *walker) decodedFile(e *hclsyntax.FunctionCallExpr) *source.Node {
	if e.Name != "jsondecode" || len(e.Args) != 1 {
		return nil
	}
	f, ok := e.Args[0].(*hclsyntax.FunctionCallExpr)
	if !ok {
		return nil
	}
	var n *source.Node
	var diags []resource.Diagnostic
	switch {
	case f.Name == "file" && len(f.Args) == 1:
		n, diags = w.fileDoc("jsondecode", f)
	case f.Name == "templatefile" && len(f.Args) == 2:
		n, diags = w.templateFileDoc("jsondecode", f)
	default:
		return nil
	}
	if len(diags) > 0 || n.Kind == source.String {
		return nil
	}
	return n
}

func removeKey(ms []source.Member, key string) []source.Member {
	out := ms[:0]
	for _, m := range ms {
		if m.Key != key {
			out = append(out, m)
		}
	}
	return out
}

func (w *walker) object(e *hclsyntax.ObjectConsExpr) *source.Node {
	n := &source.Node{Kind: source.Object, Range: toRange(e.Range())}
	for _, it := range e.Items {
		k, diags := evaluate(it.KeyExpr, w.ctx)
		if diags.HasErrors() || !k.IsWhollyKnown() || k.IsNull() {
			continue
		}
		ks, err := convertString(k)
		if err != nil {
			continue
		}
		n.Members = append(n.Members, source.Member{Key: ks, KeyRange: toRange(it.KeyExpr.Range()), Value: w.node(it.ValueExpr)})
	}
	return n
}

// value evaluates expr as a whole.
func (w *walker) value(expr hclsyntax.Expression) *source.Node {
	r := toRange(expr.Range())
	v, diags := evaluate(expr, w.ctx)
	unknown := "${" + w.text(expr.Range()) + "}"
	if diags.HasErrors() || v == cty.NilVal {
		return &source.Node{Kind: source.String, Value: unknown, Range: r}
	}
	return ctyNode(v, r, unknown)
}

// scanJSONString reports whether a JSON text that starts inside a string
// (or not) ends inside one.
func scanJSONString(s string, in bool) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if in {
				i++
			}
		case '"':
			in = !in
		}
	}
	return in
}

func convertString(v cty.Value) (string, error) {
	v, _ = v.UnmarkDeep()
	switch {
	case v.Type() == cty.String:
		return v.AsString(), nil
	case v.Type() == cty.Number:
		return numberText(v), nil
	case v.Type() == cty.Bool:
		if v.True() {
			return "true", nil
		}
		return "false", nil
	}
	return "", errNotString
}

type notString struct{}

func (notString) Error() string { return "value is not a string" }

var errNotString error = notString{}

func numberText(v cty.Value) string {
	bf := v.AsBigFloat()
	if bf.IsInt() {
		i, _ := bf.Int(nil)
		return i.String()
	}
	return bf.Text('g', -1)
}

// ctyNode converts a value to a node whose every part has range r; an
// unknown part becomes the string unknown.
func ctyNode(v cty.Value, r source.Range, unknown string) *source.Node {
	v, _ = v.UnmarkDeep()
	switch {
	case !v.IsKnown():
		return &source.Node{Kind: source.String, Value: unknown, Range: r}
	case v.IsNull():
		return &source.Node{Kind: source.Null, Range: r}
	}
	t := v.Type()
	switch {
	case t == cty.String:
		return &source.Node{Kind: source.String, Value: v.AsString(), Range: r}
	case t == cty.Number && v.AsBigFloat().IsInf():
		return &source.Node{Kind: source.String, Value: unknown, Range: r}
	case t == cty.Number:
		return &source.Node{Kind: source.Number, Value: json.Number(numberText(v)), Range: r}
	case t == cty.Bool:
		return &source.Node{Kind: source.Bool, Value: v.True(), Range: r}
	case t.IsListType() || t.IsSetType() || t.IsTupleType():
		n := &source.Node{Kind: source.Array, Range: r}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n.Items = append(n.Items, ctyNode(e, r, unknown))
		}
		return n
	case t.IsMapType() || t.IsObjectType():
		n := &source.Node{Kind: source.Object, Range: r}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			n.Members = append(n.Members, source.Member{Key: k.AsString(), KeyRange: r, Value: ctyNode(e, r, unknown)})
		}
		return n
	}
	return &source.Node{Kind: source.String, Value: unknown, Range: r}
}

// restamp gives every part of n the range r, for documents parsed from a
// value whose text is not written in any file.
func restamp(n *source.Node, r source.Range) {
	n.Range = r
	for i := range n.Members {
		n.Members[i].KeyRange = r
		restamp(n.Members[i].Value, r)
	}
	for _, it := range n.Items {
		restamp(it, r)
	}
}
