package terraform

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// moduleMeta are module block arguments that are not input variables.
var moduleMeta = map[string]bool{
	"source": true, "version": true, "count": true, "for_each": true, "providers": true, "depends_on": true,
}

// call evaluates a module block with the arguments passed as its inputs:
// a local source ("./x", "../x"), or a remote one that terraform init
// installed under .terraform/modules. Any other source is reported once as
// not evaluated.
func (l *loader) call(m *module, w *walker, c *block, prefix string, depth int, stack map[string]bool) {
	if !exists(m, w.ctx, c) {
		return
	}
	addr := prefix + "module." + c.name
	src, args := moduleArgs(m, w.ctx, c)
	insts, expanded := instances(m, w.ctx, c)
	dir, ok := l.moduleDir(m, prefix, c.name, src)
	if !ok {
		l.remote(c, addr, src)
		return
	}
	abs, err := filepath.Abs(dir)
	if err != nil || stack[abs] || depth >= maxModuleDepth {
		l.notEvaluated(c, addr, src, fmt.Sprintf("module %q (%s) calls itself or is nested too deep; it was not checked", c.name, src))
		return
	}
	child, err := parseModule(dir)
	if err != nil {
		l.notEvaluated(c, addr, src, fmt.Sprintf("module %q: %v; its resources were not checked", c.name, err))
		return
	}
	if !l.parsed[abs] {
		// A module called twice is parsed twice; report its errors once.
		l.parsed[abs] = true
		for _, path := range sortedKeys(child.errs) {
			l.errs = append(l.errs, child.errs[path]...)
		}
	}
	stack[abs] = true
	defer delete(stack, abs)
	all := func(string) bool { return true }
	if !expanded {
		l.module(child, args, passedArgs(w, w.ctx, c), addr+".", all, depth+1, stack)
		return
	}
	for _, in := range insts {
		_, args := moduleArgs(m, in.ctx, c)
		// The same module directory is evaluated once per instance.
		inst, err := parseModule(dir)
		if err != nil {
			continue
		}
		l.module(inst, args, passedArgs(w, in.ctx, c), fmt.Sprintf("%s[%q].", addr, in.key), all, depth+1, stack)
	}
}

// maxInstances bounds how many instances of a module with a known
// for_each are evaluated one by one.
const maxInstances = 32

// instance is one element of a module call's for_each: its key and the
// context in which each.key and each.value are known.
type instance struct {
	key string
	ctx *hcl.EvalContext
}

// instances expands a module call whose for_each is known (a map or object
// with known keys, or a set of known strings) into one instance per
// element, as Terraform does, so that the arguments built from each.value
// are evaluated. It reports false for a call without for_each, or whose
// for_each is unknown or too large: that call is evaluated once, with
// each.* unknown.
func instances(m *module, ctx *hcl.EvalContext, c *block) ([]instance, bool) {
	var forEach cty.Value
	switch {
	case c.native != nil && c.native.Attributes["for_each"] != nil:
		forEach = evalOr(c.native.Attributes["for_each"].Expr, ctx)
	case c.json != nil && c.json.Get("for_each") != nil:
		forEach = jsonValue(c.json.Get("for_each"), ctx, m.src)
	default:
		return nil, false
	}
	forEach, _ = forEach.UnmarkDeep()
	ty := forEach.Type()
	if !forEach.IsKnown() || forEach.IsNull() || !(ty.IsObjectType() || ty.IsMapType() || ty.IsSetType()) ||
		ty.IsSetType() && (!forEach.IsWhollyKnown() || !ty.ElementType().Equals(cty.String)) ||
		forEach.LengthInt() > maxInstances {
		return nil, false
	}
	var out []instance
	for it := forEach.ElementIterator(); it.Next(); {
		k, v := it.Element()
		if ty.IsSetType() {
			k = v
		}
		each := cty.ObjectVal(map[string]cty.Value{"key": k, "value": v})
		out = append(out, instance{key: k.AsString(), ctx: childContext(ctx, "each", each)})
	}
	return out, true
}

// remote reports a module whose source is not on disk.
func (l *loader) remote(c *block, addr, src string) {
	what := fmt.Sprintf("module %q has source %q, which is not on disk", c.name, src)
	if src == "" {
		what = fmt.Sprintf("module %q has no source that can be evaluated statically", c.name)
	}
	l.notEvaluated(c, addr, src, what+"; the resources it declares were not checked (run terraform init first, or scan the plan JSON of terraform show -json)")
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func (l *loader) notEvaluated(c *block, addr, src, msg string) {
	ix := source.NewIndex()
	ix.Add(source.Path{}, c.header)
	l.out = append(l.out, &built{res: &resource.Resource{
		Kind: ModuleKind, Name: addr, File: c.file, Format: Format,
		Spec: map[string]any{"source": src}, Index: ix,
		Diagnostics: []resource.Diagnostic{{RuleID: "ERR002", Severity: "info", Message: msg, Range: c.header}},
	}})
}

// passedArgs returns the expressions of the input arguments of a module
// call written in HCL, each with a walker of the calling module evaluating
// them in ctx (the call's, or one instance's), so that a value the called
// module uses as it is passed points at the argument in the caller.
func passedArgs(w *walker, ctx *hcl.EvalContext, c *block) map[string]writtenValue {
	if c.native == nil {
		return nil
	}
	caller := *w
	caller.ctx, caller.iter, caller.depth = ctx, nil, 0
	out := map[string]writtenValue{}
	for name, a := range c.native.Attributes {
		if name != "source" && !moduleMeta[name] {
			out[name] = writtenValue{expr: a.Expr, in: &caller}
		}
	}
	return out
}

// knownValue reports whether v is known and not null: the argument's
// expression then describes the value the called module receives.
func knownValue(v cty.Value) bool {
	v, _ = v.UnmarkDeep()
	return v.IsKnown() && !v.IsNull()
}

// moduleArgs evaluates a module block's source and input arguments.
func moduleArgs(m *module, ctx *hcl.EvalContext, c *block) (string, map[string]cty.Value) {
	args := map[string]cty.Value{}
	var src cty.Value
	if c.native != nil {
		for name, a := range c.native.Attributes {
			v := evalOr(a.Expr, ctx)
			if name == "source" {
				src = v
			} else if !moduleMeta[name] {
				args[name] = v
			}
		}
	} else {
		for _, mem := range c.json.Members {
			v := jsonValue(mem.Value, ctx, m.src)
			if mem.Key == "source" {
				src = v
			} else if !moduleMeta[mem.Key] {
				args[mem.Key] = v
			}
		}
	}
	s := ""
	if src != cty.NilVal && src.IsWhollyKnown() && !src.IsNull() && src.Type() == cty.String {
		s = src.AsString()
	}
	return s, args
}

// moduleOutputs evaluates the outputs of the modules m calls that are on
// disk (local, or installed by terraform init) and called once, or with a
// known for_each (a map of instances), as the value of the module.*
// references in m; calls with count or an unknown for_each stay unknown. The
// outputs are evaluated with the arguments passed; what depends on the
// called module's resources stays unknown.
func (l *loader) moduleOutputs(m *module, ctx *hcl.EvalContext, prefix string, depth int, stack map[string]bool) (cty.Value, bool) {
	if depth >= maxModuleDepth {
		return cty.NilVal, false
	}
	outs := map[string]cty.Value{}
	for _, c := range m.calls {
		insts, expanded := instances(m, ctx, c)
		if !expanded && (c.native != nil && (c.native.Attributes["count"] != nil || c.native.Attributes["for_each"] != nil) ||
			c.json != nil && (c.json.Get("count") != nil || c.json.Get("for_each") != nil)) {
			continue
		}
		src, args := moduleArgs(m, ctx, c)
		dir, ok := l.moduleDir(m, prefix, c.name, src)
		abs, err := filepath.Abs(dir)
		if !ok || err != nil || stack[abs] {
			continue
		}
		if !expanded {
			if v, ok := l.outputValues(dir, abs, args, prefix+"module."+c.name+".", depth, stack); ok {
				outs[c.name] = v
			}
			continue
		}
		// module.x of a for_each call is a map of the instances' outputs.
		byKey := map[string]cty.Value{}
		for _, in := range insts {
			_, args := moduleArgs(m, in.ctx, c)
			addr := fmt.Sprintf("%smodule.%s[%q].", prefix, c.name, in.key)
			if v, ok := l.outputValues(dir, abs, args, addr, depth, stack); ok {
				byKey[in.key] = v
			} else {
				byKey[in.key] = cty.DynamicVal
			}
		}
		outs[c.name] = cty.ObjectVal(byKey)
	}
	if len(outs) == 0 {
		return cty.NilVal, false
	}
	return cty.ObjectVal(outs), true
}

// outputValues evaluates the outputs of the module in dir called with args
// (prefix is the call's address), as an object of output values.
func (l *loader) outputValues(dir, abs string, args map[string]cty.Value, prefix string, depth int, stack map[string]bool) (cty.Value, bool) {
	child, err := parseModule(dir)
	if err != nil || len(child.outputs) == 0 {
		return cty.NilVal, false
	}
	stack[abs] = true
	cctx := child.evalContext(args)
	if mods, ok := l.moduleOutputs(child, cctx, prefix, depth+1, stack); ok {
		cctx.Variables["module"] = mods
		child.evalLocals(cctx)
	}
	delete(stack, abs)
	vals := map[string]cty.Value{}
	for name, o := range child.outputs {
		if o.native != nil {
			vals[name] = evalOr(o.native, cctx)
		} else {
			vals[name] = jsonValue(o.json, cctx, child.src)
		}
	}
	return cty.ObjectVal(vals), true
}

// moduleDir is where the module called name with source src is on disk:
// a local path, or where terraform init installed it.
func (l *loader) moduleDir(m *module, prefix, name, src string) (string, bool) {
	if isLocalSource(src) {
		return filepath.Join(m.dir, src), true
	}
	dir, ok := l.installed[moduleKey(prefix, name)]
	return dir, ok && dirExists(dir)
}
