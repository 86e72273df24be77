package terraform

import (
	"encoding/json"
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
		if c, ok := p.(*hclsyntax.ConditionalExpr); ok && r.maybeMembers && !r.inString && w.isDirective(c) {
			w.maybeBranch(r, c)
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
// claims anything.
func (w *walker) maybeBranch(r *renderedTemplate, c *hclsyntax.ConditionalExpr) {
	r.known = false
	sub := &renderedTemplate{known: true, jsonAware: true, maybeMembers: true}
	if t, ok := c.TrueResult.(*hclsyntax.TemplateExpr); ok {
		w.renderParts(sub, t.Parts)
	}
	q, _ := json.Marshal("${if " + w.text(c.Condition.Range()) + "}")
	if el, ok := maybeElement(sub.b.String(), string(q)); ok {
		// Whole array elements (a sidecar container) that may not exist
		// are one unknown element, as an unknown container is.
		r.write(el, source.Pos{Line: c.Range().Start.Line, Col: c.Range().Start.Column})
		return
	}
	text, pos := neutralizeValues(sub.b.String(), sub.pos, string(q))
	r.b.WriteString(text)
	r.pos = append(r.pos, pos...)
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
