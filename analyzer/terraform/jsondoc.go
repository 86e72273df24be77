package terraform

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// jsonDoc converts an attribute that holds a JSON document as a string
// (container_definitions, IAM and lifecycle policies) into the parsed
// document, keeping positions wherever the document is written:
//
//	jsonencode([...])        each key and value at its own place in the .tf file
//	<<EOF ... EOF, "..."     inside the heredoc or string
//	file("x.json")           in x.json
//	templatefile("x.tpl",{}) in x.tpl, when it renders
//	local.x                  at the local's definition
//
// A document that cannot be evaluated stays the string of its source
// expression, with an ERR002 diagnostic so the user knows it was not
// checked.
func (w *walker) jsonDoc(attr string, expr hclsyntax.Expression) (*source.Node, []resource.Diagnostic) {
	switch e := expr.(type) {
	case *hclsyntax.TemplateWrapExpr:
		return w.jsonDoc(attr, e.Wrapped)
	case *hclsyntax.ParenthesesExpr:
		return w.jsonDoc(attr, e.Expression)
	case *hclsyntax.ConditionalExpr:
		// var.container_definitions == "" ? local.default : var.container_definitions
		// with a known condition is the branch it selects, parsed with
		// its own positions.
		if branch := w.selectedBranch(e); branch != nil {
			return w.jsonDoc(attr, branch)
		}
	case *hclsyntax.ScopeTraversalExpr:
		if in, def := w.localDef(e); def != nil {
			in.depth++
			defer func() { in.depth-- }()
			return in.jsonDoc(attr, def)
		}
		if n, d, ok := w.templateDataDoc(attr, e); ok {
			return n, d
		}
		if n, ok := w.policyDocument(e); ok {
			return n, nil
		}
	case *hclsyntax.RelativeTraversalExpr:
		if n, ok := w.indexedPolicyDocument(e); ok {
			return n, nil
		}
	case *hclsyntax.FunctionCallExpr:
		switch {
		case e.Name == "jsonencode" && len(e.Args) == 1 && !e.ExpandFinal:
			n := w.node(e.Args[0])
			if n.Kind == source.String && strings.HasPrefix(n.Str(), "${") {
				return n, notEvaluated(attr, n.Range, fmt.Sprintf("%s = %s could not be evaluated statically", attr, brief(w.text(e.Range()))))
			}
			for i, it := range n.Items {
				if it.Kind == source.String && strings.HasPrefix(it.Str(), "${") {
					return n, notEvaluated(attr, it.Range, fmt.Sprintf("element %d of %s, %s, could not be evaluated statically", i, attr, it.Str()))
				}
			}
			return n, nil
		case e.Name == "file" && len(e.Args) == 1:
			return w.fileDoc(attr, e)
		case e.Name == "templatefile" && len(e.Args) == 2:
			return w.templateFileDoc(attr, e)
		case e.Name == "replace":
			if doc, ok := w.replaceDoc(e); ok {
				return doc, nil
			}
		}
	case *hclsyntax.TemplateExpr:
		return w.templateDoc(attr, e)
	}
	return w.valueDoc(attr, expr)
}

// valueDoc evaluates expr and parses the resulting string; the text is not
// written anywhere, so every node points at expr.
func (w *walker) valueDoc(attr string, expr hclsyntax.Expression) (*source.Node, []resource.Diagnostic) {
	n := w.value(expr)
	if n.Kind != source.String {
		return n, nil
	}
	s := n.Str()
	if !isKnownValue(expr, w.ctx) {
		return n, notEvaluated(attr, n.Range, fmt.Sprintf("%s = %s could not be evaluated statically", attr, brief(w.text(expr.Range()))))
	}
	doc, err := source.ParseJSON(n.Range.File, []byte(s))
	if err != nil {
		return n, parseFailed(attr, n.Range, err)
	}
	restamp(doc, n.Range)
	return doc, nil
}

func isKnownValue(expr hclsyntax.Expression, ctx *hcl.EvalContext) bool {
	v, diags := evaluate(expr, ctx)
	return !diags.HasErrors() && v != cty.NilVal && v.IsWhollyKnown()
}

// templateDoc parses a heredoc or quoted string holding JSON. Unknown
// interpolations are kept as their source text.
func (w *walker) templateDoc(attr string, e *hclsyntax.TemplateExpr) (*source.Node, []resource.Diagnostic) {
	r := toRange(e.Range())
	if len(e.Parts) == 0 {
		return &source.Node{Kind: source.String, Value: "", Range: r}, nil
	}
	first := e.Parts[0].Range()
	rt, doc, err := w.renderJSON(first.Filename, e)
	text, known := rt.b.String(), rt.known
	if err != nil {
		if !known {
			return &source.Node{Kind: source.String, Value: text, Range: r},
				notEvaluated(attr, r, fmt.Sprintf("%s could not be evaluated: with its interpolations unknown it is not valid JSON", attr))
		}
		if se, ok := err.(*source.Error); ok {
			se.Range = rt.positions().rng(se.Range)
		}
		return &source.Node{Kind: source.String, Value: text, Range: r}, parseFailed(attr, r, err)
	}
	rt.positions().node(doc)
	if e.Parts[0].Range().Start.Line == e.Range().Start.Line {
		// A quoted one-line string: escapes shift columns, so keep
		// positions on the right line but not past it.
		clampToLine(doc, first.Start.Line)
	}
	return doc, nil
}

// renderJSON renders a template holding JSON and parses it. When the
// document does not parse with its unknown parts quoted, it is rendered
// again with each %{if} of unknown condition taken as its true branch with
// unknown values (see maybeBranch): a directive that adds members to an
// object cannot stand as a quoted string there.
func (w *walker) renderJSON(file string, e *hclsyntax.TemplateExpr) (*renderedTemplate, *source.Node, error) {
	rt := w.renderTemplate(e, true)
	doc, err := source.ParseJSON(file, []byte(rt.b.String()))
	if err == nil || rt.known {
		return rt, doc, err
	}
	maybe := &renderedTemplate{known: true, jsonAware: true, maybeMembers: true}
	w.renderParts(maybe, e.Parts)
	if doc, err2 := source.ParseJSON(file, []byte(maybe.b.String())); err2 == nil {
		return maybe, doc, nil
	}
	return rt, nil, err
}

// clampToLine keeps parsed positions on one line, for documents decoded from
// a one-line escaped string where columns are approximate.
func clampToLine(n *source.Node, line int) {
	n.Range.Start.Line, n.Range.End.Line = line, line
	for i := range n.Members {
		n.Members[i].KeyRange.Start.Line, n.Members[i].KeyRange.End.Line = line, line
		clampToLine(n.Members[i].Value, line)
	}
	for _, it := range n.Items {
		clampToLine(it, line)
	}
}

// fileDoc parses the file named by file("..."), with positions in it.
func (w *walker) fileDoc(attr string, e *hclsyntax.FunctionCallExpr) (*source.Node, []resource.Diagnostic) {
	r := toRange(e.Range())
	name, ok := w.knownString(e.Args[0])
	if !ok {
		return w.valueDoc(attr, e)
	}
	path := resolvePath(w.moduleDir(), name)
	data, err := readLimited(path)
	if err != nil {
		return &source.Node{Kind: source.String, Value: "${" + w.text(e.Range()) + "}", Range: r},
			notEvaluated(attr, r, fmt.Sprintf("%s: cannot read %s: %v", attr, name, err))
	}
	doc, err := source.ParseJSON(path, data)
	if err != nil {
		return &source.Node{Kind: source.String, Value: string(data), Range: r}, parseFailed(attr, r, err)
	}
	return doc, nil
}

// templateFileDoc renders templatefile("x.tpl", {...}) part by part like a
// heredoc, so unknown template variables keep their source text; the
// positions are those of the template file (exact lines as long as the
// interpolated values hold no newlines).
func (w *walker) templateFileDoc(attr string, e *hclsyntax.FunctionCallExpr) (*source.Node, []resource.Diagnostic) {
	return w.renderTemplateFile(attr, e, e.Args[0], e.Args[1], "templatefile")
}

// templateDataDoc renders data.template_file.<name>.rendered, the
// template provider's predecessor of templatefile(), when its template is
// read with file().
func (w *walker) templateDataDoc(attr string, e *hclsyntax.ScopeTraversalExpr) (*source.Node, []resource.Diagnostic, bool) {
	t := e.Traversal
	if len(t) != 4 || t.RootName() != "data" {
		return nil, nil, false
	}
	typ, ok1 := t[1].(hcl.TraverseAttr)
	name, ok2 := t[2].(hcl.TraverseAttr)
	out, ok3 := t[3].(hcl.TraverseAttr)
	if !ok1 || !ok2 || !ok3 {
		return nil, nil, false
	}
	body := w.templates[name.Name]
	if typ.Name != "template_file" || out.Name != "rendered" || body == nil || body.Attributes["template"] == nil {
		return nil, nil, false
	}
	file, ok := body.Attributes["template"].Expr.(*hclsyntax.FunctionCallExpr)
	if !ok || file.Name != "file" || len(file.Args) != 1 {
		return nil, nil, false
	}
	var vars hclsyntax.Expression = &hclsyntax.ObjectConsExpr{SrcRange: body.SrcRange}
	if a := body.Attributes["vars"]; a != nil {
		vars = a.Expr
	}
	n, d := w.renderTemplateFile(attr, e, file.Args[0], vars, "data.template_file."+name.Name)
	return n, d, true
}

// renderTemplateFile renders the template file named by pathExpr with the
// variables of varsExpr part by part like a heredoc, so unknown template
// variables keep their source text; the positions are those of the
// template file (exact lines as long as the interpolated values hold no
// newlines).
func (w *walker) renderTemplateFile(attr string, at, pathExpr, varsExpr hclsyntax.Expression, what string) (*source.Node, []resource.Diagnostic) {
	r := toRange(at.Range())
	unknown := &source.Node{Kind: source.String, Value: "${" + w.text(at.Range()) + "}", Range: r}
	name, ok := w.knownString(pathExpr)
	if !ok {
		return unknown, notEvaluated(attr, r, fmt.Sprintf("%s: the template path %s is not known statically", attr, brief(w.text(pathExpr.Range()))))
	}
	inner, te, path, err := w.templateWalker(pathExpr, varsExpr)
	if err != nil {
		return unknown, notEvaluated(attr, r, fmt.Sprintf("%s: %s(%q) could not be rendered: %v", attr, what, name, err))
	}
	rt, doc, err := inner.renderJSON(path, te)
	if err != nil {
		return unknown, notEvaluated(attr, r, fmt.Sprintf("%s: %s(%q) does not render to JSON statically: %v", attr, what, name, err))
	}
	rt.positions().node(doc)
	return doc, nil
}

// templateWalker parses the template file named by pathExpr and returns it
// with a walker that renders it with the variables of varsExpr, and the
// file's path.
func (w *walker) templateWalker(pathExpr, varsExpr hclsyntax.Expression) (*walker, *hclsyntax.TemplateExpr, string, error) {
	name, ok := w.knownString(pathExpr)
	if !ok {
		return nil, nil, "", errUnknownPath
	}
	path := resolvePath(w.moduleDir(), name)
	tmpl, err := parseTemplateFile(path)
	if err != nil {
		return nil, nil, path, err
	}
	vars, diags := evaluate(varsExpr, w.ctx)
	if diags.HasErrors() {
		vars = cty.DynamicVal
	}
	vars = w.partialTemplateVars(varsExpr, vars)
	ctx, err := templateContext(vars, w.ctx.Functions)
	if err != nil {
		return nil, nil, path, err
	}
	data, err := readLimited(path)
	if err != nil {
		return nil, nil, path, err
	}
	inner := &walker{ctx: ctx, text: fileText(map[string][]byte{path: data})}
	te, ok := tmpl.(*hclsyntax.TemplateExpr)
	if !ok {
		te = &hclsyntax.TemplateExpr{Parts: []hclsyntax.Expression{tmpl}, SrcRange: tmpl.Range()}
	}
	return inner, te, path, nil
}

// partialTemplateVars keeps the known text of template variables written
// as string templates with unknown parts: image =
// "${aws_ecr_repository.app.repository_url}:latest" is passed to the
// template as that text, so the literal tag is still judged (ECS004), as it
// is when the container definition is written in HCL. Other unknown
// variables stay unknown.
func (w *walker) partialTemplateVars(varsExpr hclsyntax.Expression, vars cty.Value) cty.Value {
	obj, ok := varsExpr.(*hclsyntax.ObjectConsExpr)
	if !ok || vars.IsWhollyKnown() || !vars.IsKnown() || !vars.Type().IsObjectType() {
		return vars
	}
	attrs := vars.AsValueMap()
	changed := false
	for _, it := range obj.Items {
		k, diags := evaluate(it.KeyExpr, w.ctx)
		if diags.HasErrors() || !k.IsKnown() || k.IsNull() || k.Type() != cty.String {
			continue
		}
		name := k.AsString()
		te, ok := it.ValueExpr.(*hclsyntax.TemplateExpr)
		if v, present := attrs[name]; !present || v.IsWhollyKnown() || !ok || !hasLiteralText(te) {
			continue
		}
		text, _ := w.template(te, false)
		if strings.ContainsAny(text, "\"\\\n") {
			// Raw in a JSON or YAML string it would end the string.
			continue
		}
		attrs[name] = cty.StringVal(text)
		changed = true
	}
	if !changed {
		return vars
	}
	return cty.ObjectVal(attrs)
}

// hasLiteralText reports whether a string template writes any text of its
// own besides interpolations.
func hasLiteralText(te *hclsyntax.TemplateExpr) bool {
	for _, p := range te.Parts {
		if lit, ok := p.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && lit.Val.IsKnown() && !lit.Val.IsNull() && lit.Val.AsString() != "" {
			return true
		}
	}
	return false
}

type unknownPath struct{}

func (unknownPath) Error() string { return "the template path is not known statically" }

var errUnknownPath error = unknownPath{}

// moduleDir is path.module of the walker's context.
func (w *walker) moduleDir() string {
	if w.ctx == nil {
		return ""
	}
	if p, ok := w.ctx.Variables["path"]; ok && p.Type().IsObjectType() && p.Type().HasAttribute("module") {
		return p.GetAttr("module").AsString()
	}
	return ""
}

func (w *walker) knownString(expr hclsyntax.Expression) (string, bool) {
	v, diags := evaluate(expr, w.ctx)
	if diags.HasErrors() || v == cty.NilVal || !v.IsWhollyKnown() || v.IsNull() {
		return "", false
	}
	s, err := convertString(v)
	return s, err == nil
}

// fileText returns a source-text lookup over the given file contents.
func fileText(files map[string][]byte) func(hcl.Range) string {
	return func(r hcl.Range) string {
		b := files[r.Filename]
		s, e := r.Start.Byte, r.End.Byte
		if s < 0 || e > len(b) || s > e {
			return "..."
		}
		return string(b[s:e])
	}
}

// maxQuoted is how many characters of an expression a message quotes.
const maxQuoted = 80

// brief returns expression source text for a message: on one line, with
// runs of spaces collapsed, and cut short when long (a nested replace() or
// merge() can span dozens of lines).
func brief(src string) string {
	s := strings.Join(strings.Fields(src), " ")
	if r := []rune(s); len(r) > maxQuoted {
		return string(r[:maxQuoted]) + "…"
	}
	return s
}

func notEvaluated(attr string, r source.Range, msg string) []resource.Diagnostic {
	return []resource.Diagnostic{{RuleID: "ERR002", Severity: "info", Message: msg + "; the rules did not check it", Range: r}}
}

func parseFailed(attr string, r source.Range, err error) []resource.Diagnostic {
	msg := fmt.Sprintf("%s is not valid JSON: %v", attr, err)
	if se, ok := err.(*source.Error); ok {
		msg = fmt.Sprintf("%s is not valid JSON: %s", attr, se.Msg)
		if !se.Range.IsZero() {
			r = se.Range
		}
	}
	return []resource.Diagnostic{{RuleID: "ERR001", Message: msg, Range: r}}
}
