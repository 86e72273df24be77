package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// forExpr walks [for k, v in coll : ...] and {for k, v in coll : k => ...}
// item by item when the collection is written where the walker sees it
// (an object or tuple, a local, a variable's default), so that
// [for k, v in var.environment : { name = k, value = v }] points each value
// at the line of the map entry it came from rather than at the for
// expression. nil when the collection or a condition is not known, or for
// grouping (...) results: the expression is then evaluated as a whole.
func (w *walker) forExpr(e *hclsyntax.ForExpr) *source.Node {
	if e.Group {
		return nil
	}
	coll, diags := evaluate(e.CollExpr, w.ctx)
	coll, _ = coll.UnmarkDeep()
	if diags.HasErrors() || coll == cty.NilVal || !coll.IsWhollyKnown() || coll.IsNull() || !coll.CanIterateElements() {
		return nil
	}
	written := w.writtenNode(e.CollExpr)
	out := &source.Node{Kind: source.Array, Range: toRange(e.Range())}
	if e.KeyExpr != nil {
		out.Kind = source.Object
	}
	for it := coll.ElementIterator(); it.Next(); {
		k, v := it.Element()
		item, key := writtenElement(written, k)
		if item == nil {
			return nil
		}
		inner := w.iterate(e, k, v, item, key)
		if e.CondExpr != nil {
			c, diags := evaluate(e.CondExpr, inner.ctx)
			c, _ = c.UnmarkDeep()
			if diags.HasErrors() || !c.IsKnown() || c.IsNull() || c.Type() != cty.Bool {
				return nil
			}
			if c.False() {
				continue
			}
		}
		if e.KeyExpr == nil {
			out.Items = append(out.Items, inner.node(e.ValExpr))
			continue
		}
		kv, diags := evaluate(e.KeyExpr, inner.ctx)
		if diags.HasErrors() || !kv.IsKnown() || kv.IsNull() {
			return nil
		}
		ks, err := convertString(kv)
		if err != nil {
			return nil
		}
		out.Members = removeKey(out.Members, ks)
		out.Members = append(out.Members, source.Member{Key: ks, KeyRange: toRange(e.KeyExpr.Range()), Value: inner.node(e.ValExpr)})
	}
	return out
}

// writtenNode walks a collection for the positions of its elements: a
// variable whose value is written (a default, a variables file, a module
// call's argument) is walked where it is written even when its type
// converts the value (map(string) of numbers), since only positions are
// used.
func (w *walker) writtenNode(expr hclsyntax.Expression) *source.Node {
	if t, ok := expr.(*hclsyntax.ScopeTraversalExpr); ok && len(t.Traversal) == 2 && t.Traversal.RootName() == "var" && w.depth < maxLocalDepth {
		if attr, ok := t.Traversal[1].(hcl.TraverseAttr); ok && w.writtenDefaults[attr.Name].expr != nil {
			d := w.writtenDefaults[attr.Name]
			in := d.walker(w)
			in.depth++
			defer func() { in.depth-- }()
			return in.node(d.expr)
		}
	}
	return w.node(expr)
}

// writtenElement finds the element of the written collection n that the
// iteration key k stands for: the member named k of an object, the item at
// index k of a tuple. The key node is the member's name.
func writtenElement(n *source.Node, k cty.Value) (*source.Node, *source.Node) {
	switch {
	case n.Kind == source.Object && k.Type() == cty.String:
		for _, m := range n.Members {
			if m.Key == k.AsString() {
				return m.Value, &source.Node{Kind: source.String, Value: m.Key, Range: m.KeyRange}
			}
		}
	case n.Kind == source.Array && k.Type() == cty.Number:
		i, acc := k.AsBigFloat().Int64()
		if acc == 0 && i >= 0 && int(i) < len(n.Items) {
			return n.Items[i], &source.Node{Kind: source.Number, Value: numberText(k), Range: n.Items[i].Range}
		}
	}
	return nil, nil
}

// iterate returns a walker for one iteration: the iteration variables are
// set in its context and bound to the written element, so a reference to
// them is that element with its position.
func (w *walker) iterate(e *hclsyntax.ForExpr, k, v cty.Value, item, key *source.Node) *walker {
	ctx := w.ctx.NewChild()
	ctx.Variables = map[string]cty.Value{e.ValVar: v}
	// The value is the evaluated one (a map(string) variable holds "8080"
	// where its default writes 8080); only the position is the written
	// element's.
	unknown := "${" + w.text(e.CollExpr.Range()) + "}"
	bound := map[string]*source.Node{e.ValVar: ctyNode(v, item.Range, unknown)}
	if e.KeyVar != "" {
		ctx.Variables[e.KeyVar] = k
		bound[e.KeyVar] = ctyNode(k, key.Range, unknown)
	}
	for name, n := range w.iter {
		if _, shadowed := bound[name]; !shadowed {
			bound[name] = n
		}
	}
	inner := *w
	inner.ctx = ctx
	inner.iter = bound
	return &inner
}

// iterVar returns the written element a reference to an iteration
// variable stands for (v, or v.attr within it), or nil.
func (w *walker) iterVar(e *hclsyntax.ScopeTraversalExpr) *source.Node {
	n := w.iter[e.Traversal.RootName()]
	if n == nil {
		return nil
	}
	for _, step := range e.Traversal[1:] {
		attr, ok := step.(hcl.TraverseAttr)
		if !ok {
			return nil
		}
		if n = n.Get(attr.Name); n == nil {
			return nil
		}
	}
	return n
}
