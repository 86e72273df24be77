package yamlnode

import (
	"bytes"
	"unicode/utf8"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// text maps yaml.v3's line/column positions (columns count characters) to
// byte offsets and finds where scalars end.
type text struct {
	data       []byte
	lineStarts []int
	// The last position looked up: nodes are mostly visited in order, so
	// the next lookup on the same line starts there, keeping long lines
	// (minified flow mappings) linear.
	lastPos source.Pos
	lastOff int
}

func newText(data []byte) *text {
	t := &text{data: data, lineStarts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			t.lineStarts = append(t.lineStarts, i+1)
		}
	}
	return t
}

// offset returns the byte offset of p.
func (t *text) offset(p source.Pos) (int, bool) {
	if p.Line < 1 || p.Line > len(t.lineStarts) || p.Col < 1 {
		return 0, false
	}
	off, col := t.lineStarts[p.Line-1], 1
	if t.lastPos.Line == p.Line && t.lastPos.Col <= p.Col {
		off, col = t.lastOff, t.lastPos.Col
	}
	for col < p.Col {
		if off >= len(t.data) || t.data[off] == '\n' {
			return 0, false
		}
		_, size := utf8.DecodeRune(t.data[off:])
		off += size
		col++
	}
	t.lastPos, t.lastOff = p, off
	return off, true
}

// clamp moves a position past the end of the text (yaml.v3 places implicit
// nulls at the end of the stream) to the end of the text.
func (t *text) clamp(p source.Pos) source.Pos {
	last := len(t.lineStarts)
	if p.Line <= last {
		return p
	}
	start := t.lineStarts[last-1]
	return source.Pos{Line: last, Col: 1 + utf8.RuneCount(t.data[start:])}
}

// pos returns the position of offset off, counting from base at baseOff.
func (t *text) pos(base source.Pos, baseOff, off int) source.Pos {
	p := base
	for i := baseOff; i < off && i < len(t.data); {
		if t.data[i] == '\n' {
			p.Line++
			p.Col = 1
			i++
			continue
		}
		_, size := utf8.DecodeRune(t.data[i:])
		i += size
		p.Col++
	}
	return p
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// skipSpace skips white space and comments.
func (t *text) skipSpace(off int) int {
	for off < len(t.data) {
		switch {
		case isSpace(t.data[off]):
			off++
		case t.data[off] == '#':
			for off < len(t.data) && t.data[off] != '\n' {
				off++
			}
		default:
			return off
		}
	}
	return off
}

// skipProperties skips an anchor (&name) and a tag (!tag) before a value.
func (t *text) skipProperties(off int) int {
	for off < len(t.data) && (t.data[off] == '&' || t.data[off] == '!') {
		for off < len(t.data) && !isSpace(t.data[off]) {
			off++
		}
		off = t.skipSpace(off)
	}
	return off
}

// quotedEnd returns the offset after the closing quote of the string
// opening at off.
func (t *text) quotedEnd(off int, quote byte) (int, bool) {
	if off >= len(t.data) || t.data[off] != quote {
		return 0, false
	}
	for i := off + 1; i < len(t.data); i++ {
		switch {
		case quote == '"' && t.data[i] == '\\':
			i++
		case t.data[i] == quote && quote == '\'' && i+1 < len(t.data) && t.data[i+1] == '\'':
			i++
		case t.data[i] == quote:
			return i + 1, true
		}
	}
	return 0, false
}

// blockEnd returns the end of the last non-blank line of the block scalar
// whose indicator (| or >) is at off. Its content is every following line
// indented beyond indent, or blank.
func (t *text) blockEnd(off, indent int) (int, bool) {
	if off >= len(t.data) || (t.data[off] != '|' && t.data[off] != '>') {
		return 0, false
	}
	end := off
	for end < len(t.data) && !isSpace(t.data[end]) {
		end++
	}
	pos := off
	for nl := bytes.IndexByte(t.data[pos:], '\n'); nl >= 0; nl = bytes.IndexByte(t.data[pos:], '\n') {
		start := pos + nl + 1
		pos = len(t.data)
		if k := bytes.IndexByte(t.data[start:], '\n'); k >= 0 {
			pos = start + k
		}
		content := bytes.TrimRight(t.data[start:pos], " \t\r")
		if len(content) == 0 {
			continue
		}
		lead := len(content) - len(bytes.TrimLeft(content, " "))
		if lead <= indent || (lead == 0 && (bytes.HasPrefix(content, []byte("---")) || bytes.HasPrefix(content, []byte("...")))) {
			break
		}
		end = start + len(content)
	}
	return end, true
}

// plainEnd returns the end of the plain scalar value starting at off. A
// plain scalar may fold over lines, which changes only white space, so its
// end is where the value's last non-space character is matched.
func (t *text) plainEnd(off int, value string) (int, bool) {
	i, end := off, off
	for j := 0; j < len(value); j++ {
		c := value[j]
		if isSpace(c) {
			continue
		}
		for i < len(t.data) && isSpace(t.data[i]) {
			i++
		}
		if i >= len(t.data) || t.data[i] != c {
			return 0, false
		}
		i++
		end = i
	}
	return end, end > off
}

// closeBracket returns the position after the closing bracket of a flow
// collection when only white space, commas and comments separate it from
// from.
func (t *text) closeBracket(from source.Pos, closing byte) (source.Pos, bool) {
	base, ok := t.offset(from)
	if !ok {
		return source.Pos{}, false
	}
	off := base
	for off < len(t.data) {
		off = t.skipSpace(off)
		if off < len(t.data) && t.data[off] == ',' {
			off++
			continue
		}
		break
	}
	if off >= len(t.data) || t.data[off] != closing {
		return source.Pos{}, false
	}
	return t.pos(from, base, off+1), true
}
