package terraform

import (
	"encoding/json"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// renderedTemplate is the text a template renders to with, for each of its
// characters, the source position it came from: the rendered text is not
// the written text once an %{if} or %{for} directive drops or repeats
// lines, so positions counted in the rendered text would drift.
type renderedTemplate struct {
	b         strings.Builder
	pos       []source.Pos
	known     bool
	inString  bool // inside a JSON string, when jsonAware
	jsonAware bool
	// maybeMembers renders an %{if} whose condition is unknown, outside
	// a JSON string, as its true branch with every value unknown (see
	// maybeBranch), instead of quoting the whole directive.
	maybeMembers bool
	// inLoop is set while the body of an %{for} over an unknown collection
	// is rendered as one fragment (see renderFor).
	inLoop bool
}

// template renders a string template part by part: known parts are kept,
// unknown ones become their source "${...}", so the literal tag of
// "${aws_ecr_repository.app.repository_url}:latest" survives. With
// jsonAware set, an unknown part outside a JSON string is rendered as a
// quoted JSON string so that a heredoc holding JSON still parses. known
// reports whether every part was known.
func (w *walker) template(e *hclsyntax.TemplateExpr, jsonAware bool) (text string, known bool) {
	r := w.renderTemplate(e, jsonAware)
	return r.b.String(), r.known
}

// renderTemplate renders e keeping the source position of each character.
func (w *walker) renderTemplate(e *hclsyntax.TemplateExpr, jsonAware bool) *renderedTemplate {
	r := &renderedTemplate{known: true, jsonAware: jsonAware}
	w.renderParts(r, e.Parts)
	return r
}

func (w *walker) renderParts(r *renderedTemplate, parts []hclsyntax.Expression) {
	for _, p := range parts {
		if lit, ok := p.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && lit.Val.IsKnown() && !lit.Val.IsNull() {
			r.literal(lit.Val.AsString(), lit.Range(), w.text(lit.Range()))
			continue
		}
		for {
			// An %{if} or ${c ? a : b} whose condition is known renders
			// the branch it selects: its parts keep their own positions,
			// an unknown branch is quoted as written.
			branch := w.selectedBranch(p)
			if branch == nil {
				break
			}
			p = branch
		}
		if t, ok := p.(*hclsyntax.TemplateExpr); ok {
			w.renderParts(r, t.Parts)
			continue
		}
		if c, ok := p.(*hclsyntax.ConditionalExpr); ok && r.maybeMembers && !r.inString && w.isDirective(c) && w.maybeBranch(r, c) {
			continue
		}
		if j, ok := p.(*hclsyntax.TemplateJoinExpr); ok && w.renderFor(r, j) {
			continue
		}
		w.renderValue(r, p)
	}
}

// isDirective tells an %{if} directive from a ${c ? a : b} interpolation.
func (w *walker) isDirective(c *hclsyntax.ConditionalExpr) bool {
	return strings.HasPrefix(w.text(c.Range()), "%{")
}

// maybeBranch renders an %{if} directive whose condition is unknown as its
// true branch with every scalar value replaced by the unknown placeholder
// "${if <condition>}". Quoted whole, a directive that adds members to an
// object ("healthCheck": {...},) leaves the document unparsable and nothing
// in it is checked; rendered this way the members it may add are present
// (a rule about an absent field does not fire) but none of their values
// claims anything. It reports false when the branch cannot be rendered
// so (see maybeFragment).
func (w *walker) maybeBranch(r *renderedTemplate, c *hclsyntax.ConditionalExpr) bool {
	if r.inLoop && isSeparator(c.TrueResult) {
		// %{if i < length(xs) - 1},%{endif} joins the iterations of a
		// loop that stands for any number of them: the one element
		// standing for them all takes no separator of its own.
		r.known = false
		return true
	}
	return w.maybeFragment(r, w, c.TrueResult, "${if "+w.text(c.Condition.Range())+"}", c.Range(), r.inLoop)
}

// isSeparator reports whether a directive's branch writes only a comma.
func isSeparator(e hclsyntax.Expression) bool {
	t, ok := e.(*hclsyntax.TemplateExpr)
	if !ok {
		return false
	}
	var text strings.Builder
	for _, p := range t.Parts {
		lit, ok := p.(*hclsyntax.LiteralValueExpr)
		if !ok || lit.Val.Type() != cty.String || !lit.Val.IsKnown() || lit.Val.IsNull() {
			return false
		}
		text.WriteString(lit.Val.AsString())
	}
	return strings.TrimSpace(text.String()) == ","
}

// maybeFragment renders body, written by a directive that may render it or
// not (or several times), with its values replaced by placeholder (see
// maybeBranch); inner is the walker the body is rendered with. Members
// whose names are unknown ("${k}": "${v}") may be any field, so a rule
// about an absent field could not be trusted: they are rendered only in
// an object that is a member's value (dockerLabels, options), and false
// is reported elsewhere (a container or the document itself).
func (w *walker) maybeFragment(r *renderedTemplate, inner *walker, body hclsyntax.Expression, placeholder string, at hcl.Range, inLoop bool) bool {
	sub := &renderedTemplate{known: true, jsonAware: true, maybeMembers: true, inLoop: inLoop}
	if t, ok := body.(*hclsyntax.TemplateExpr); ok {
		inner.renderParts(sub, t.Parts)
	}
	q, _ := json.Marshal(placeholder)
	if el, ok := maybeElement(sub.b.String(), string(q)); ok {
		// Whole array elements (a sidecar container) that may not exist
		// are one unknown element, as an unknown container is.
		r.known = false
		r.write(el, source.Pos{Line: at.Start.Line, Col: at.Start.Column})
		return true
	}
	if unknownKey.MatchString(sub.b.String()) && !openObjectIsValue(r.b.String()) {
		return false
	}
	r.known = false
	text, pos := neutralizeValues(sub.b.String(), sub.pos, string(q))
	r.b.WriteString(text)
	r.pos = append(r.pos, pos...)
	if r.jsonAware {
		r.inString = scanJSONString(text, r.inString)
	}
	return true
}

// unknownKey matches a member name holding an interpolation.
var unknownKey = regexp.MustCompile(`"[^"]*\$\{[^"]*"\s*:`)

// openObjectIsValue reports whether the innermost object still open at the
// end of a JSON text is the value of a member ("dockerLabels": {) rather
// than an array element or the document.
func openObjectIsValue(text string) bool {
	var stack []rune // for each open bracket, the token before it
	inString, escaped := false, false
	prev := rune(0)
	for _, c := range text {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			if !inString {
				prev = '"'
			}
			continue
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			stack = append(stack, prev, c)
		case (c == '}' || c == ']') && len(stack) >= 2:
			stack = stack[:len(stack)-2]
		}
		if !unicode.IsSpace(c) {
			prev = c
		}
	}
	n := len(stack)
	return n >= 2 && stack[n-1] == '{' && stack[n-2] == ':'
}

// renderFor renders an %{for} directive. Over a known collection each
// iteration's body is rendered part by part with the iteration variables
// set, so its text keeps the positions it is written at and an unknown
// value in the body leaves the rest of the document known. Over an
// unknown collection, outside a JSON string when unknown directives may
// add members, the body is rendered once as an %{if} of unknown condition
// is (see maybeBranch): the environment entries or object members it adds
// claim nothing, and the rest of the document is still checked. It
// reports false when the directive is left to renderValue.
func (w *walker) renderFor(r *renderedTemplate, j *hclsyntax.TemplateJoinExpr) bool {
	f, ok := j.Tuple.(*hclsyntax.ForExpr)
	if !ok || f.CondExpr != nil || f.KeyExpr != nil || f.Group {
		return false
	}
	body, ok := f.ValExpr.(*hclsyntax.TemplateExpr)
	if !ok {
		return false
	}
	coll, diags := evaluate(f.CollExpr, w.ctx)
	coll, _ = coll.UnmarkDeep()
	if !diags.HasErrors() && coll != cty.NilVal && coll.IsKnown() && !coll.IsNull() && coll.CanIterateElements() {
		for it := coll.ElementIterator(); it.Next(); {
			k, v := it.Element()
			w.loopWalker(f, k, v).renderParts(r, body.Parts)
		}
		return true
	}
	if !r.maybeMembers || r.inString {
		return false
	}
	inner := w.loopWalker(f, cty.DynamicVal, cty.DynamicVal)
	return w.maybeFragment(r, inner, body, "${for "+w.text(f.CollExpr.Range())+"}", j.Range(), true)
}

// loopWalker returns a walker whose context sets the iteration variables
// of an %{for} directive to k and v.
func (w *walker) loopWalker(f *hclsyntax.ForExpr, k, v cty.Value) *walker {
	ctx := w.ctx.NewChild()
	ctx.Variables = map[string]cty.Value{f.ValVar: v}
	if f.KeyVar != "" {
		ctx.Variables[f.KeyVar] = k
	}
	inner := *w
	inner.ctx = ctx
	return &inner
}

// maybeElement returns the placeholder standing for a fragment that holds
// array elements ({...}, with its separating comma before or after) rather
// than object members, keeping that comma.
func maybeElement(fragment, placeholder string) (string, bool) {
	t := strings.TrimSpace(fragment)
	lead := strings.HasPrefix(t, ",")
	body := strings.TrimSpace(strings.TrimPrefix(t, ","))
	if !strings.HasPrefix(body, "{") && !strings.HasPrefix(body, "[") {
		return "", false
	}
	out := placeholder
	if lead {
		out = "," + out
	}
	if strings.HasSuffix(t, ",") && len(t) > 1 {
		out += ","
	}
	return out, true
}

// neutralizeValues replaces each scalar value in a fragment of JSON (a
// string not followed by ':', a number, true, false) with placeholder,
// keeping keys, punctuation and null; the placeholder takes the position of
// the value it replaces.
func neutralizeValues(text string, pos []source.Pos, placeholder string) (string, []source.Pos) {
	var b strings.Builder
	var out []source.Pos
	runes := []rune(text)
	emit := func(s string, at source.Pos) {
		b.WriteString(s)
		for range s {
			out = append(out, at)
		}
	}
	for i := 0; i < len(runes); {
		start := i
		switch c := runes[i]; {
		case c == '"':
			i++
			for i < len(runes) && runes[i] != '"' {
				if runes[i] == '\\' {
					i++
				}
				i++
			}
			i++
			if i > len(runes) {
				i = len(runes)
			}
			if nextNonSpace(runes, i) == ':' {
				for j := start; j < i; j++ {
					emit(string(runes[j]), pos[j])
				}
				continue
			}
			emit(placeholder, pos[start])
		case c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9') || unicode.IsLetter(c):
			for i < len(runes) && (runes[i] == '-' || runes[i] == '+' || runes[i] == '.' || unicode.IsLetter(runes[i]) || unicode.IsDigit(runes[i])) {
				i++
			}
			if word := string(runes[start:i]); word == "null" {
				emit(word, pos[start])
			} else {
				emit(placeholder, pos[start])
			}
		default:
			emit(string(c), pos[i])
			i++
		}
	}
	return b.String(), out
}

func nextNonSpace(runes []rune, i int) rune {
	for ; i < len(runes); i++ {
		if !unicode.IsSpace(runes[i]) {
			return runes[i]
		}
	}
	return 0
}

// selectedBranch returns the branch a conditional whose condition is known
// selects, or nil.
func (w *walker) selectedBranch(p hclsyntax.Expression) hclsyntax.Expression {
	c, ok := p.(*hclsyntax.ConditionalExpr)
	if !ok {
		return nil
	}
	cond, diags := evaluate(c.Condition, w.ctx)
	cond, _ = cond.UnmarkDeep()
	if diags.HasErrors() || cond == cty.NilVal || !cond.IsKnown() || cond.IsNull() || cond.Type() != cty.Bool {
		return nil
	}
	if cond.True() {
		return c.TrueResult
	}
	return c.FalseResult
}

// renderValue renders an interpolation or a directive that is not walked
// part by part; all of its text points at where it starts.
func (w *walker) renderValue(r *renderedTemplate, p hclsyntax.Expression) {
	at := source.Pos{Line: p.Range().Start.Line, Col: p.Range().Start.Column}
	v, diags := evaluate(p, w.ctx)
	if !diags.HasErrors() && v != cty.NilVal && v.IsWhollyKnown() && !v.IsNull() {
		if s, err := convertString(v); err == nil {
			r.write(s, at)
			return
		}
	}
	r.known = false
	src := "${" + w.text(p.Range()) + "}"
	if r.jsonAware {
		q, _ := json.Marshal(src)
		src = string(q)
		if r.inString {
			src = src[1 : len(src)-1]
		}
	}
	r.write(src, at)
}

// write appends s with every character at the position at.
func (r *renderedTemplate) write(s string, at source.Pos) {
	r.b.WriteString(s)
	for range s {
		r.pos = append(r.pos, at)
	}
	if r.jsonAware {
		r.inString = scanJSONString(s, r.inString)
	}
}

// literal appends the value of a literal part, aligning each character
// with the written text of its range: the value can differ from what is
// written where strip markers (~) trimmed whitespace, a flush heredoc (<<-)
// removed indentation or $${ escaped an interpolation, so a character of
// the value is matched with the next written character equal to it.
func (r *renderedTemplate) literal(val string, rng hcl.Range, written string) {
	r.b.WriteString(val)
	if r.jsonAware {
		r.inString = scanJSONString(val, r.inString)
	}
	line, col := rng.Start.Line, rng.Start.Column
	i := 0
	for _, c := range val {
		for i < len(written) {
			wc, size := utf8.DecodeRuneInString(written[i:])
			if wc == c {
				break
			}
			line, col = advancePos(wc, line, col)
			i += size
		}
		r.pos = append(r.pos, source.Pos{Line: line, Col: col})
		if i < len(written) {
			wc, size := utf8.DecodeRuneInString(written[i:])
			line, col = advancePos(wc, line, col)
			i += size
		}
	}
}

func advancePos(c rune, line, col int) (int, int) {
	if c == '\n' {
		return line + 1, 1
	}
	return line, col + 1
}

// positions returns the map from positions in the rendered text, as the
// JSON parser counts them from line 1 column 1, to the source.
func (r *renderedTemplate) positions() *posMap {
	text := r.b.String()
	end := source.Pos{}
	if n := len(r.pos); n > 0 {
		end = r.pos[n-1]
		end.Col++
	}
	return newPosMap(text, append(r.pos[:len(r.pos):len(r.pos)], end))
}
