package terraform

import (
	"encoding/json"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// replaceDoc parses a document that nested replace() calls fill in:
//
//	replace(replace(file("task.json"), "IMAGE", var.image), "PORT", var.port)
//
// the "templating" of modules written before templatefile(). The base text
// (a file() or a heredoc) keeps its positions; a placeholder whose
// replacement is unknown becomes that replacement's source text, quoted as
// a JSON string outside one (as an unknown interpolation in a heredoc is),
// so the rest of the document is still checked. ok is false when the
// expression is not of that form or does not render to JSON; it is then
// evaluated as a whole.
func (w *walker) replaceDoc(e *hclsyntax.FunctionCallExpr) (doc *source.Node, ok bool) {
	var steps []*hclsyntax.FunctionCallExpr
	var base hclsyntax.Expression = e
	for {
		c, isCall := base.(*hclsyntax.FunctionCallExpr)
		if !isCall || c.Name != "replace" || len(c.Args) != 3 || c.ExpandFinal {
			break
		}
		steps = append(steps, c)
		base = c.Args[0]
	}
	r, file, ok := w.replaceBase(base)
	if !ok || len(steps) == 0 {
		return nil, false
	}
	for i := len(steps) - 1; i >= 0; i-- {
		if r, ok = w.replaceStep(r, steps[i]); !ok {
			return nil, false
		}
	}
	doc, err := source.ParseJSON(file, []byte(r.b.String()))
	if err != nil {
		return nil, false
	}
	r.positions().node(doc)
	return doc, true
}

// replaceBase renders the text the innermost replace() starts from, with
// the position of each character, and the file the positions are in: a
// heredoc, file(), templatefile() or a local holding one of them.
func (w *walker) replaceBase(base hclsyntax.Expression) (*renderedTemplate, string, bool) {
	switch b := base.(type) {
	case *hclsyntax.TemplateExpr:
		r := w.renderTemplate(b, true)
		return r, b.Range().Filename, true
	case *hclsyntax.TemplateWrapExpr:
		return w.replaceBase(b.Wrapped)
	case *hclsyntax.ScopeTraversalExpr:
		if in, def := w.localDef(b); def != nil {
			in.depth++
			defer func() { in.depth-- }()
			return in.replaceBase(def)
		}
	case *hclsyntax.FunctionCallExpr:
		if b.Name == "templatefile" && len(b.Args) == 2 {
			inner, te, path, err := w.templateWalker(b.Args[0], b.Args[1])
			if err != nil {
				break
			}
			return inner.renderTemplate(te, true), path, true
		}
		if b.Name != "file" || len(b.Args) != 1 {
			break
		}
		name, ok := w.knownString(b.Args[0])
		if !ok {
			break
		}
		path := resolvePath(w.moduleDir(), name)
		data, err := readLimited(path)
		if err != nil {
			break
		}
		r := &renderedTemplate{known: true}
		r.b.Write(data)
		line, col := 1, 1
		for _, c := range string(data) {
			r.pos = append(r.pos, source.Pos{Line: line, Col: col})
			line, col = advancePos(c, line, col)
		}
		return r, path, true
	}
	return nil, "", false
}

// replaceStep applies one replace(text, search, replacement) with a literal
// search string to the rendered text r. The replacement takes the position
// of the placeholder it replaces.
func (w *walker) replaceStep(r *renderedTemplate, c *hclsyntax.FunctionCallExpr) (*renderedTemplate, bool) {
	search, ok := w.knownString(c.Args[1])
	if !ok || search == "" || (len(search) > 1 && strings.HasPrefix(search, "/") && strings.HasSuffix(search, "/")) {
		// A regular expression may match anything.
		return nil, false
	}
	repl, known := w.knownString(c.Args[2])
	unknown, _ := json.Marshal("${" + w.text(c.Args[2].Range()) + "}")
	text, needle := []rune(r.b.String()), []rune(search)
	out := &renderedTemplate{known: r.known && known}
	var state jsonStringState
	for i := 0; i < len(text); {
		if !hasRunePrefix(text[i:], needle) {
			out.b.WriteRune(text[i])
			out.pos = append(out.pos, r.pos[i])
			state.next(text[i])
			i++
			continue
		}
		s := repl
		if !known {
			s = string(unknown)
			if state.in {
				s = s[1 : len(s)-1]
			}
		}
		out.b.WriteString(s)
		for _, ch := range s {
			out.pos = append(out.pos, r.pos[i])
			state.next(ch)
		}
		i += len(needle)
	}
	return out, true
}

// jsonStringState follows whether a JSON text read rune by rune is inside a
// string.
type jsonStringState struct {
	in, escaped bool
}

func (s *jsonStringState) next(c rune) {
	switch {
	case s.escaped:
		s.escaped = false
	case s.in && c == '\\':
		s.escaped = true
	case c == '"':
		s.in = !s.in
	}
}

func hasRunePrefix(text, prefix []rune) bool {
	if len(text) < len(prefix) {
		return false
	}
	for i, c := range prefix {
		if text[i] != c {
			return false
		}
	}
	return true
}
