// Package terraform reads Terraform configurations (HCL .tf and JSON
// .tf.json modules) and plan JSON (terraform show -json) into canonical AWS
// resources in the AWS API's JSON shapes, with every canonical path indexed
// to where it is written.
//
// A module is evaluated statically: input variables take their defaults,
// terraform.tfvars, *.auto.tfvars, var files and name=value variables;
// locals and the common functions are evaluated; resource attributes,
// data sources and module outputs are unknown. An unknown value keeps its
// source text ("${var.x}"); a partly known string keeps its known parts.
//
// Positions follow the value to where it is written: a key inside
// jsonencode({...}), a line of a heredoc, of a file() or templatefile()
// file, the definition of a local or of a variable's default, a character
// inside an escaped JSON string of .tf.json or plan JSON. A field that only
// exists in the API shape (deploymentConfiguration) points at the block
// that holds it.
//
// Local modules (and remote ones terraform init installed) are evaluated
// with the arguments passed and named module.<name>.<address>, and their
// outputs are the values of module.<name>.* in the caller; count and
// for_each resources are analysed once, with unknown count.index and
// each.*; dynamic blocks are expanded when their for_each is known. What
// cannot be evaluated and matters to the rules (a remote module, a
// container_definitions document) is reported once as ERR002.
package terraform

import (
	"fmt"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// Input formats of the resources this package produces.
const (
	Format     = "terraform"
	PlanFormat = "terraform-plan"
)

// ModuleKind is the kind of the placeholder resource that carries the
// ERR002 diagnostic of a module call that could not be evaluated (a remote
// source). No rule applies to it.
const ModuleKind = "terraform.module"

// maxModuleDepth bounds nested local module calls.
const maxModuleDepth = 16

// Options are the variable values given on the command line, as
// terraform's -var-file and -var.
type Options struct {
	VarFiles []string
	Vars     map[string]string
}

// LoadModule evaluates the module in dir and returns the canonical
// resources declared in files (base names or paths of .tf/.tf.json files of
// dir; nil means all), including those of local modules those files call.
// Errors are parse errors (*source.Error) of those files and of the local
// modules they call, and unreadable variable files; what could be read is
// still returned.
func LoadModule(dir string, files []string, opts Options) ([]*resource.Resource, []error) {
	m, err := parseModule(dir)
	if err != nil {
		return nil, []error{err}
	}
	selected := selection(files)
	var errs []error
	for _, path := range sortedKeys(m.errs) {
		if selected(path) {
			errs = append(errs, m.errs[path]...)
		}
	}
	inputs, verrs := variableValues(m, opts)
	errs = append(errs, verrs...)
	l := &loader{installed: readManifest(dir), parsed: map[string]bool{}, rootVars: inputs}
	stack := map[string]bool{}
	if abs, err := filepath.Abs(dir); err == nil {
		stack[abs] = true
	}
	l.module(m, inputs.vals, nil, "", selected, 0, stack)
	l.joinRegistryWide()
	return l.finish(), append(errs, l.errs...)
}

// selection returns a filter for the files asked about.
func selection(files []string) func(string) bool {
	if files == nil {
		return func(string) bool { return true }
	}
	want := map[string]bool{}
	for _, f := range files {
		want[filepath.Base(f)] = true
	}
	return func(p string) bool { return want[filepath.Base(p)] }
}

// built is a canonical resource whose spec may still receive joined facts.
type built struct {
	res    *resource.Resource
	spec   *source.Node
	mapper *mapper
	header source.Range
}

// loader collects the resources of a module tree.
type loader struct {
	out      []*built
	scanning []*source.Node // registry scanning configurations, canonical
	// accountSettings are aws_ecs_account_setting_default resources.
	accountSettings []*source.Node
	errs            []error         // parse errors of the modules called
	parsed          map[string]bool // module directories whose errors are reported
	// installed maps module keys to the directories terraform init
	// downloaded remote modules to.
	installed manifest
	// rootVars are the values given to the root module's variables.
	rootVars varValues
}

func (l *loader) finish() []*resource.Resource {
	out := make([]*resource.Resource, 0, len(l.out))
	for _, b := range l.out {
		if b.spec != nil {
			b.res.Spec = b.spec.Interface()
			b.res.Index = b.mapper.index(b.spec, b.header)
		}
		out = append(out, b.res)
	}
	return out
}

// module evaluates m with the given inputs and collects the resources of
// the selected files; prefix is the module address ("module.app."). passed
// holds the expressions of the arguments a module call passes (nil for
// the root module).
func (l *loader) module(m *module, inputs map[string]cty.Value, passed map[string]writtenValue, prefix string, selected func(string) bool, depth int, stack map[string]bool) {
	ctx := m.evalContext(inputs)
	if mods, ok := l.moduleOutputs(m, ctx, prefix, depth, stack); ok {
		ctx.Variables["module"] = mods
		m.evalLocals(ctx)
	}
	locals := map[string]hclsyntax.Expression{}
	for n, d := range m.locals {
		if d.native != nil {
			locals[n] = d.native
		}
	}
	defaults, written, files := l.writtenValues(m, inputs, passed, depth)
	w := &walker{ctx: ctx, text: fileText(files), locals: locals, defaults: defaults, writtenDefaults: written, templates: m.templates, policies: m.policies}
	var repos []*built
	for _, b := range m.resources {
		if !selected(b.file) {
			continue
		}
		mt, ok := resourceTypes[b.typ]
		if !ok || !exists(m, ctx, b) {
			continue
		}
		addr := prefix + b.typ + "." + b.name
		insts, expanded := instances(m, ctx, b)
		if !expanded {
			insts = []instance{{ctx: ctx}}
		}
		for _, in := range insts {
			w.ctx = in.ctx
			name := addr
			if expanded {
				name = fmt.Sprintf("%s[%q]", addr, in.key)
			}
			out := l.build(w, m, b, mt, name)
			if b.typ == "aws_ecr_repository" {
				repos = append(repos, out)
			}
		}
		w.ctx = ctx
	}
	l.joinECR(m, w, repos)
	for _, c := range m.calls {
		if selected(c.file) {
			l.call(m, w, c, prefix, depth, stack)
		}
	}
}

// build maps one instance of resource block b, evaluated in w's context,
// to its canonical resource named name.
func (l *loader) build(w *walker, m *module, b *block, mt mappedType, name string) *built {
	rb := newRawBuilder(w, b.typ, m.src)
	raw := rb.build(b)
	mp := &mapper{headers: rb.headers, module: m.files}
	spec := mp.object(raw, mt.fields, b.header)
	out := &built{
		res:  &resource.Resource{Kind: mt.kind, Name: name, File: b.file, Format: Format, Diagnostics: rb.diags},
		spec: spec, mapper: mp, header: b.header,
	}
	l.out = append(l.out, out)
	return out
}

// exists reports whether a resource block declares any instance: not when
// its count is known to be 0 or its for_each a known empty collection
// (a feature turned off by a variable), which Terraform does not create.
func exists(m *module, ctx *hcl.EvalContext, b *block) bool {
	for _, meta := range []string{"count", "for_each"} {
		var v cty.Value
		switch {
		case b.native != nil && b.native.Attributes[meta] != nil:
			v = evalOr(b.native.Attributes[meta].Expr, ctx)
		case b.json != nil && b.json.Get(meta) != nil:
			v = jsonValue(b.json.Get(meta), ctx, m.src)
		default:
			continue
		}
		v, _ = v.UnmarkDeep()
		if !v.IsKnown() || v.IsNull() {
			continue
		}
		if meta == "count" {
			if n, err := convert.Convert(v, cty.Number); err == nil && n.IsKnown() && !n.IsNull() && n.Equals(cty.Zero).True() {
				return false
			}
			continue
		}
		if v.CanIterateElements() && v.LengthInt() == 0 {
			return false
		}
	}
	return true
}

func newRawBuilder(w *walker, typ string, files *sources) *rawBuilder {
	return &rawBuilder{w: w, typ: typ, files: files, headers: map[*source.Node]source.Range{}}
}

// build returns the raw node of a resource block in either syntax.
func (rb *rawBuilder) build(b *block) *source.Node {
	if b.native != nil {
		return rb.native(b.native, true)
	}
	return rb.json(b.json, true)
}

// writtenValues returns, for the variables of m whose value is written in
// HCL (a default, for the root module a variables file, for a called
// module the argument passed), the expression that writes it: all of them,
// and those whose type conversion keeps the value as written, so that
// findings can point at where it is written. The files map holds the text
// of the module and of those variables files.
func (l *loader) writtenValues(m *module, inputs map[string]cty.Value, passed map[string]writtenValue, depth int) (defaults, written map[string]writtenValue, files map[string][]byte) {
	defaults = map[string]writtenValue{}
	written = map[string]writtenValue{}
	files = m.files
	for n, v := range m.vars {
		var d writtenValue
		in, given := inputs[n]
		switch {
		case !given:
			d.expr = v.native
		case depth == 0:
			d.expr = l.rootVars.written[n]
		case knownValue(in):
			d = passed[n]
		}
		if d.expr == nil {
			continue
		}
		written[n] = d
		if !m.converted[n] {
			defaults[n] = d
		}
	}
	if depth == 0 && len(l.rootVars.files) > 0 {
		files = make(map[string][]byte, len(m.files)+len(l.rootVars.files))
		for k, v := range m.files {
			files[k] = v
		}
		for k, v := range l.rootVars.files {
			files[k] = v
		}
	}
	return defaults, written, files
}
