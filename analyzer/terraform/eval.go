package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// unknownRoots are the reference roots whose values only exist after
// apply (or per instance); references to them stay unknown.
var unknownRoots = []string{"count", "each", "self", "data", "module"}

// evalContext builds the evaluation context of m: input variables (the
// given inputs, else defaults, else unknown), locals, path.* and
// terraform.workspace. Resource attributes are unknown.
func (m *module) evalContext(inputs map[string]cty.Value) *hcl.EvalContext {
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: functions(m.dir)}
	for _, r := range unknownRoots {
		ctx.Variables[r] = cty.DynamicVal
	}
	for _, r := range m.resources {
		ctx.Variables[r.typ] = cty.DynamicVal
	}
	ctx.Variables["path"] = cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(m.dir), "root": cty.StringVal(m.dir), "cwd": cty.StringVal("."),
	})
	ctx.Variables["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})

	vars := map[string]cty.Value{}
	m.converted = map[string]bool{}
	for name, v := range m.vars {
		var val cty.Value
		switch in, ok := inputs[name]; {
		case ok:
			val = in
		case v.native != nil:
			val = evalOr(v.native, ctx)
		case v.json != nil:
			val = jsonValue(v.json, ctx, m.src)
		default:
			val = cty.DynamicVal
		}
		conv := v.convert(val)
		m.converted[name] = !sameElements(conv, val)
		vars[name] = conv
	}
	ctx.Variables["var"] = cty.ObjectVal(vars)
	m.evalLocals(ctx)
	return ctx
}

// evalLocals evaluates locals to a fixed point: each pass sees the values
// of the previous one, so n passes resolve chains n deep in any order.
func (m *module) evalLocals(ctx *hcl.EvalContext) {
	vals := map[string]cty.Value{}
	names := make([]string, 0, len(m.locals))
	for n := range m.locals {
		vals[n] = cty.DynamicVal
		names = append(names, n)
	}
	sort.Strings(names)
	for pass := 0; pass <= len(names); pass++ {
		ctx.Variables["local"] = cty.ObjectVal(vals)
		changed := false
		next := make(map[string]cty.Value, len(vals))
		for _, n := range names {
			l := m.locals[n]
			var v cty.Value
			if l.native != nil {
				v = evalOr(l.native, ctx)
			} else {
				v = jsonValue(l.json, ctx, m.src)
			}
			if !v.RawEquals(vals[n]) {
				changed = true
			}
			next[n] = v
		}
		vals = next
		if !changed {
			break
		}
	}
	ctx.Variables["local"] = cty.ObjectVal(vals)
}

// evalOr evaluates expr, or returns an unknown value when it fails.
func evalOr(expr hcl.Expression, ctx *hcl.EvalContext) cty.Value {
	v, diags := evaluate(expr, ctx)
	if diags.HasErrors() || v == cty.NilVal {
		return cty.DynamicVal
	}
	return v
}

// jsonValue evaluates a value of the JSON configuration syntax, where
// strings are templates.
func jsonValue(n *source.Node, ctx *hcl.EvalContext, files *sources) cty.Value {
	if n == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	switch n.Kind {
	case source.String:
		if expr := jsonTemplate(n, files); expr != nil {
			return evalOr(expr, ctx)
		}
		return cty.StringVal(n.Str())
	case source.Number:
		v, err := cty.ParseNumberVal(fmt.Sprint(n.Value))
		if err != nil {
			return cty.DynamicVal
		}
		return v
	case source.Bool:
		return cty.BoolVal(n.Value.(bool))
	case source.Array:
		vs := make([]cty.Value, len(n.Items))
		for i, it := range n.Items {
			vs[i] = jsonValue(it, ctx, files)
		}
		return cty.TupleVal(vs)
	case source.Object:
		vs := make(map[string]cty.Value, len(n.Members))
		for _, mem := range n.Members {
			vs[mem.Key] = jsonValue(mem.Value, ctx, files)
		}
		return cty.ObjectVal(vs)
	}
	return cty.NullVal(cty.DynamicPseudoType)
}

// jsonTemplate parses a JSON string holding a template ("${...}" or
// "%{...}") as an HCL template positioned inside the string; nil for a
// plain string.
func jsonTemplate(n *source.Node, files *sources) hclsyntax.Expression {
	s := n.Str()
	if !strings.Contains(s, "${") && !strings.Contains(s, "%{") {
		return nil
	}
	start := hcl.Pos{Line: n.Range.Start.Line, Column: n.Range.Start.Col + 1}
	if off := files.offset(n.Range.File, n.Range.Start); off >= 0 {
		start.Byte = off + 1
	}
	if tooDeep([]byte(s), n.Range.File, start, true) != nil {
		return nil // kept as the string it is, like a template that does not parse
	}
	expr, diags := hclsyntax.ParseTemplate([]byte(s), n.Range.File, start)
	if diags.HasErrors() {
		return nil
	}
	return expr
}

// varValues are the values given to the root module's input variables.
type varValues struct {
	vals map[string]cty.Value
	// written holds the expressions of the values written in HCL
	// variables files, so that findings point at where they are written,
	// and files the text of those files.
	written map[string]hclsyntax.Expression
	files   map[string][]byte
}

// variableValues collects the values given to the root module's input
// variables, in Terraform's order of precedence: terraform.tfvars,
// terraform.tfvars.json, *.auto.tfvars(.json) in lexical order, then the
// var files and the name=value variables of opts.
func variableValues(m *module, opts Options) (varValues, []error) {
	var files []string
	for _, n := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		if p := filepath.Join(m.dir, n); fileExists(p) {
			files = append(files, p)
		}
	}
	if entries, err := os.ReadDir(m.dir); err == nil {
		for _, e := range entries {
			if n := e.Name(); !e.IsDir() && (strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json")) {
				files = append(files, filepath.Join(m.dir, n))
			}
		}
	}
	for _, f := range opts.VarFiles {
		// Named on the command line: relative to where the scan runs,
		// else to the module.
		if !fileExists(f) && !filepath.IsAbs(f) && fileExists(filepath.Join(m.dir, f)) {
			f = filepath.Join(m.dir, f)
		}
		files = append(files, f)
	}
	vv := varValues{vals: map[string]cty.Value{}, written: map[string]hclsyntax.Expression{}, files: map[string][]byte{}}
	var errs []error
	for _, f := range files {
		if err := vv.readVarFile(f); err != nil {
			errs = append(errs, err)
		}
	}
	names := make([]string, 0, len(opts.Vars))
	for n := range opts.Vars {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		vv.vals[n] = cliValue(opts.Vars[n], m.vars[n])
		delete(vv.written, n)
	}
	return vv, errs
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

func (vv *varValues) readVarFile(path string) error {
	data, err := readLimited(path)
	if err != nil {
		return fmt.Errorf("read variables file: %w", err)
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(path, ".json") {
		// The HCL JSON parser recurses without a limit; ours has one.
		if _, err := source.ParseJSON(path, data); err != nil {
			return err
		}
		f, diags = hcljson.Parse(data, path)
	} else {
		if err := tooDeep(data, path, hcl.InitialPos, false); err != nil {
			return err
		}
		f, diags = hclsyntax.ParseConfig(data, path, hcl.InitialPos)
	}
	if diags.HasErrors() {
		return diagError(path, diags)
	}
	attrs, diags := f.Body.JustAttributes()
	if diags.HasErrors() {
		return diagError(path, diags)
	}
	vv.files[path] = data
	for name, a := range attrs {
		vv.vals[name] = evalOr(a.Expr, nil)
		if e, ok := a.Expr.(hclsyntax.Expression); ok {
			vv.written[name] = e
		} else {
			delete(vv.written, name)
		}
	}
	return nil
}

// cliValue interprets name=value as Terraform's -var does: the raw string
// for string (or untyped) variables, an HCL expression otherwise.
func cliValue(raw string, v *variable) cty.Value {
	if v == nil || v.typ == "" || v.typ == "string" {
		return cty.StringVal(raw)
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), "<var>", hcl.InitialPos)
	if diags.HasErrors() {
		return cty.StringVal(raw)
	}
	val, diags := expr.Value(nil)
	if diags.HasErrors() {
		return cty.StringVal(raw)
	}
	return val
}

// evaluate evaluates expr with every reference root it names defined:
// roots the context does not know (a resource type declared in another
// module, a provider-specific name) are unknown rather than an error, so
// that an object with one such attribute keeps its other attributes.
func evaluate(expr hcl.Expression, ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if ctx == nil {
		return expr.Value(nil)
	}
	var missing map[string]cty.Value
	for _, t := range expr.Variables() {
		root := t.RootName()
		if _, ok := lookup(ctx, root); ok {
			continue
		}
		if missing == nil {
			missing = map[string]cty.Value{}
		}
		missing[root] = cty.DynamicVal
	}
	if missing != nil {
		child := ctx.NewChild()
		child.Variables = missing
		ctx = child
	}
	return expr.Value(ctx)
}

func lookup(ctx *hcl.EvalContext, name string) (cty.Value, bool) {
	for c := ctx; c != nil; c = c.Parent() {
		if v, ok := c.Variables[name]; ok {
			return v, true
		}
	}
	return cty.NilVal, false
}

// convert applies the variable's type constraint as Terraform does:
// optional() attribute defaults, then conversion ("5" to 5 for a number).
// A value that does not convert is kept as it is.
//
// An unknown value becomes an unknown of the declared type that is not
// null: modules drop unset attributes with { for k, v in x : k => v if v !=
// null }, and an unknown that might be null would make that whole object
// unknown, hiding the attributes that are known. Taking it as set only
// ever keeps an attribute as unknown, never invents a value.
func (v *variable) convert(val cty.Value) cty.Value {
	if v.typ == "" {
		return val
	}
	expr, diags := hclsyntax.ParseExpression([]byte(v.typ), "<type>", hcl.InitialPos)
	if diags.HasErrors() {
		return val
	}
	ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(expr)
	if diags.HasErrors() {
		return val
	}
	if !val.IsKnown() {
		if ty == cty.DynamicPseudoType {
			return val
		}
		return cty.UnknownVal(ty).RefineNotNull()
	}
	if defaults != nil {
		val = defaults.Apply(val)
	}
	out, err := convert.Convert(val, ty)
	if err != nil {
		return val
	}
	return out
}

// sameElements reports whether a variable's value converted to its type
// holds the same elements, in the same places, as the value written: a
// list(string) default written as a tuple of strings does, so findings in
// it can point at its elements; "8080" for a number, a set (reordered) or
// an object given optional attributes does not.
func sameElements(conv, val cty.Value) bool {
	if conv.RawEquals(val) {
		return true
	}
	if !conv.IsKnown() || !val.IsKnown() || conv.IsNull() || val.IsNull() {
		return false
	}
	ct, vt := conv.Type(), val.Type()
	switch {
	case (ct.IsListType() || ct.IsTupleType()) && (vt.IsListType() || vt.IsTupleType()):
		if conv.LengthInt() != val.LengthInt() {
			return false
		}
		for i := 0; i < conv.LengthInt(); i++ {
			idx := cty.NumberIntVal(int64(i))
			if !sameElements(conv.Index(idx), val.Index(idx)) {
				return false
			}
		}
		return true
	case (ct.IsMapType() || ct.IsObjectType()) && (vt.IsMapType() || vt.IsObjectType()):
		cm, vm := conv.AsValueMap(), val.AsValueMap()
		if len(cm) != len(vm) {
			return false
		}
		for k, c := range cm {
			v, ok := vm[k]
			if !ok || !sameElements(c, v) {
				return false
			}
		}
		return true
	}
	return false
}
