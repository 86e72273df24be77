package terraform

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// metaArguments are resource arguments that configure Terraform itself,
// not the resource.
var metaArguments = map[string]bool{
	"count": true, "for_each": true, "provider": true, "depends_on": true, "lifecycle": true,
	"provisioner": true, "connection": true,
}

// docAttributes lists, per resource type, the arguments that hold a JSON
// document as a string.
var docAttributes = map[string]map[string]bool{
	"aws_ecs_task_definition":   {"container_definitions": true},
	"aws_ecr_repository_policy": {"policy": true},
	"aws_ecr_lifecycle_policy":  {"policy": true},
}

// rawBuilder turns a resource body into a "raw" node: the Terraform
// argument names as keys, nested blocks as lists of objects (the shape of
// plan JSON), values evaluated with positions. headers records where each
// nested block's header is written.
type rawBuilder struct {
	w       *walker
	typ     string
	files   *sources
	headers map[*source.Node]source.Range
	diags   []resource.Diagnostic
}

type entry struct {
	at  hcl.Pos
	mem source.Member
}

// native builds the raw node of an HCL body.
func (b *rawBuilder) native(body *hclsyntax.Body, top bool) *source.Node {
	n := &source.Node{Kind: source.Object, Range: toRange(body.Range())}
	var entries []entry
	for name, a := range body.Attributes {
		if top && metaArguments[name] {
			continue
		}
		var v *source.Node
		if top && docAttributes[b.typ][name] {
			var d []resource.Diagnostic
			v, d = b.w.jsonDoc(name, a.Expr)
			b.diags = append(b.diags, d...)
		} else {
			v = b.w.node(a.Expr)
		}
		entries = append(entries, entry{a.NameRange.Start, source.Member{Key: name, KeyRange: toRange(a.NameRange), Value: v}})
	}
	groups := map[string]*source.Node{}
	for _, blk := range body.Blocks {
		if top && metaArguments[blk.Type] {
			continue
		}
		typ, objs := b.block(blk)
		if len(objs) == 0 {
			continue
		}
		list := groups[typ]
		if list == nil {
			list = &source.Node{Kind: source.Array, Range: toRange(blk.Range())}
			groups[typ] = list
			entries = append(entries, entry{blk.TypeRange.Start, source.Member{Key: typ, KeyRange: toRange(blk.TypeRange), Value: list}})
		}
		list.Items = append(list.Items, objs...)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].at.Byte < entries[j].at.Byte })
	for _, e := range entries {
		n.Members = append(n.Members, e.mem)
	}
	return n
}

// maxDynamic bounds how many blocks a dynamic block with a known for_each
// is expanded into.
const maxDynamic = 64

// block returns the type and raw objects of a nested block. A dynamic
// block whose for_each is known is expanded into one block per element
// (none for an empty collection), with its iterator's key and value; one
// whose for_each is unknown is analysed once, with an unknown iterator.
func (b *rawBuilder) block(blk *hclsyntax.Block) (string, []*source.Node) {
	hdr := toRange(blk.DefRange())
	if blk.Type != "dynamic" {
		obj := b.native(blk.Body, false)
		b.headers[obj] = hdr
		return blk.Type, []*source.Node{obj}
	}
	if len(blk.Labels) != 1 {
		return "", nil
	}
	typ, content := blk.Labels[0], dynamicContent(blk)
	if content == nil {
		return typ, nil
	}
	iterator := iteratorName(blk)
	restore := b.w.ctx
	defer func() { b.w.ctx = restore }()
	var each cty.Value = cty.DynamicVal
	if a := blk.Body.Attributes["for_each"]; a != nil {
		each, _ = evalOr(a.Expr, restore).UnmarkDeep()
	}
	if !each.IsWhollyKnown() || each.IsNull() || !each.CanIterateElements() || each.LengthInt() > maxDynamic {
		b.w.ctx = childContext(restore, iterator, cty.DynamicVal)
		obj := b.native(content, false)
		b.headers[obj] = hdr
		return typ, []*source.Node{obj}
	}
	var out []*source.Node
	for it := each.ElementIterator(); it.Next(); {
		k, v := it.Element()
		if each.Type().IsSetType() {
			k = v
		}
		b.w.ctx = childContext(restore, iterator, cty.ObjectVal(map[string]cty.Value{"key": k, "value": v}))
		obj := b.native(content, false)
		b.headers[obj] = hdr
		out = append(out, obj)
	}
	return typ, out
}

// dynamicContent returns the content body of a dynamic block.
func dynamicContent(blk *hclsyntax.Block) *hclsyntax.Body {
	for _, c := range blk.Body.Blocks {
		if c.Type == "content" {
			return c.Body
		}
	}
	return nil
}

// iteratorName is the name of a dynamic block's iterator variable.
func iteratorName(blk *hclsyntax.Block) string {
	if a := blk.Body.Attributes["iterator"]; a != nil {
		if t, d := hcl.AbsTraversalForExpr(a.Expr); !d.HasErrors() && len(t) == 1 {
			return t.RootName()
		}
	}
	return blk.Labels[0]
}

func childContext(ctx *hcl.EvalContext, name string, v cty.Value) *hcl.EvalContext {
	child := ctx.NewChild()
	child.Variables = map[string]cty.Value{name: v}
	return child
}

// json builds the raw node of a body in the JSON configuration syntax:
// strings are templates, evaluated with positions inside the string.
func (b *rawBuilder) json(n *source.Node, top bool) *source.Node {
	out := &source.Node{Kind: n.Kind, Value: n.Value, Range: n.Range}
	switch n.Kind {
	case source.Object:
		for _, mem := range n.Members {
			if top && (metaArguments[mem.Key] || mem.Key == "//") {
				continue
			}
			if mem.Key == "dynamic" && mem.Value.Kind == source.Object {
				out.Members = append(out.Members, b.jsonDynamic(mem.Value)...)
				continue
			}
			var v *source.Node
			if top && docAttributes[b.typ][mem.Key] {
				v = b.jsonDoc(mem.Key, mem.Value)
			} else {
				v = b.json(mem.Value, false)
			}
			out.Members = append(out.Members, source.Member{Key: mem.Key, KeyRange: mem.KeyRange, Value: v})
		}
	case source.Array:
		for _, it := range n.Items {
			out.Items = append(out.Items, b.json(it, false))
		}
	case source.String:
		if expr := jsonTemplate(n, b.files); expr != nil {
			return b.w.node(expr)
		}
	}
	return out
}

// jsonDynamic reads {"dynamic": {"<type>": {"for_each": ..., "content":
// {...}}}} of the JSON syntax: each block type analysed once with an
// unknown iterator, none when for_each is known to be empty.
func (b *rawBuilder) jsonDynamic(n *source.Node) []source.Member {
	var out []source.Member
	for _, mem := range n.Members {
		spec := mem.Value
		content := spec.Get("content")
		if spec.Kind != source.Object || content == nil || content.Kind != source.Object {
			continue
		}
		if fe := spec.Get("for_each"); fe != nil {
			v, _ := jsonValue(fe, b.w.ctx, b.files).UnmarkDeep()
			if v.IsWhollyKnown() && !v.IsNull() && v.CanIterateElements() && v.LengthInt() == 0 {
				continue
			}
		}
		iterator := mem.Key
		if it := spec.Get("iterator"); it != nil && it.Kind == source.String {
			iterator = it.Str()
		}
		restore := b.w.ctx
		b.w.ctx = childContext(restore, iterator, cty.DynamicVal)
		obj := b.json(content, false)
		b.w.ctx = restore
		list := &source.Node{Kind: source.Array, Range: content.Range, Items: []*source.Node{obj}}
		out = append(out, source.Member{Key: mem.Key, KeyRange: mem.KeyRange, Value: list})
	}
	return out
}

// jsonDoc parses a JSON document held in a JSON-syntax string: a template
// such as "${jsonencode([...])}" is walked like HCL; a literal string is
// parsed with positions inside it.
func (b *rawBuilder) jsonDoc(attr string, n *source.Node) *source.Node {
	if n.Kind != source.String {
		return b.json(n, false)
	}
	if expr := jsonTemplate(n, b.files); expr != nil {
		v, d := b.w.jsonDoc(attr, expr)
		b.diags = append(b.diags, d...)
		return v
	}
	doc, err := parseEmbeddedJSONAt(b.files.data[n.Range.File], b.files.offset(n.Range.File, n.Range.Start), n)
	if err != nil {
		b.diags = append(b.diags, parseFailed(attr, n.Range, err)...)
		return n
	}
	return doc
}
