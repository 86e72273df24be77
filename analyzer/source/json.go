package source

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// MaxDepth bounds the nesting of parsed documents so that a hostile file
// cannot exhaust the stack.
const MaxDepth = 512

// ParseJSON parses one JSON value from data, keeping the range of every value
// and key. file names the ranges. Errors are *Error with the line of the
// mistake. Offset positions are shifted by base, so a JSON document
// embedded in another file (a string in HCL, plan JSON or a heredoc) can
// report positions in the enclosing file; pass Pos{1, 1} otherwise.
func ParseJSON(file string, data []byte) (*Node, error) {
	return ParseJSONAt(file, data, Pos{Line: 1, Col: 1})
}

// ParseJSONAt is ParseJSON with data starting at base in file.
func ParseJSONAt(file string, data []byte, base Pos) (*Node, error) {
	p := &jsonParser{file: file, data: data, line: base.Line, col: base.Col}
	p.skipBOM()
	p.space()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.off < len(p.data) {
		return nil, p.errorf("unexpected %s after the top-level value", p.describe())
	}
	return n, nil
}

type jsonParser struct {
	file      string
	data      []byte
	off       int
	line, col int
}

func (p *jsonParser) pos() Pos { return Pos{Line: p.line, Col: p.col} }

func (p *jsonParser) errorf(format string, args ...any) *Error {
	at := p.pos()
	return Errorf(Range{File: p.file, Start: at, End: Pos{at.Line, at.Col + 1}}, "invalid JSON: "+format, args...)
}

// advance moves over n bytes, tracking lines and columns.
func (p *jsonParser) advance(n int) {
	end := p.off + n
	for p.off < end {
		c := p.data[p.off]
		switch {
		case c == '\n':
			p.line++
			p.col = 1
			p.off++
		case c < utf8.RuneSelf:
			p.col++
			p.off++
		default:
			_, size := utf8.DecodeRune(p.data[p.off:])
			p.col++
			p.off += size
		}
	}
}

func (p *jsonParser) skipBOM() {
	if len(p.data) >= 3 && p.data[0] == 0xEF && p.data[1] == 0xBB && p.data[2] == 0xBF {
		p.off = 3
	}
}

func (p *jsonParser) space() {
	for p.off < len(p.data) {
		switch p.data[p.off] {
		case ' ', '\t', '\r', '\n':
			p.advance(1)
		default:
			return
		}
	}
}

func (p *jsonParser) describe() string {
	if p.off >= len(p.data) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(p.data[p.off:])
	return strconv.QuoteRune(r)
}

func (p *jsonParser) value(depth int) (*Node, error) {
	if depth > MaxDepth {
		return nil, p.errorf("nesting deeper than %d levels", MaxDepth)
	}
	if p.off >= len(p.data) {
		return nil, p.errorf("unexpected end of file")
	}
	start := p.pos()
	var n *Node
	var err error
	switch c := p.data[p.off]; {
	case c == '{':
		n, err = p.object(depth)
	case c == '[':
		n, err = p.array(depth)
	case c == '"':
		var s string
		s, err = p.str()
		n = &Node{Kind: String, Value: s}
	case c == '-' || (c >= '0' && c <= '9'):
		n, err = p.number()
	default:
		n, err = p.literal()
	}
	if err != nil {
		return nil, err
	}
	n.Range = Range{File: p.file, Start: start, End: p.pos()}
	return n, nil
}

func (p *jsonParser) object(depth int) (*Node, error) {
	n := &Node{Kind: Object}
	p.advance(1)
	p.space()
	if p.off < len(p.data) && p.data[p.off] == '}' {
		p.advance(1)
		return n, nil
	}
	for {
		p.space()
		if p.off >= len(p.data) || p.data[p.off] != '"' {
			return nil, p.errorf("expected a quoted object key, found %s", p.describe())
		}
		kstart := p.pos()
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		kr := Range{File: p.file, Start: kstart, End: p.pos()}
		p.space()
		if p.off >= len(p.data) || p.data[p.off] != ':' {
			return nil, p.errorf("expected ':' after object key %q, found %s", key, p.describe())
		}
		p.advance(1)
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.Members = append(n.Members, Member{Key: key, KeyRange: kr, Value: v})
		p.space()
		if p.off >= len(p.data) {
			return nil, p.errorf("unexpected end of file: object is not closed")
		}
		switch p.data[p.off] {
		case ',':
			p.advance(1)
		case '}':
			p.advance(1)
			return n, nil
		default:
			return nil, p.errorf("expected ',' or '}' after object member, found %s", p.describe())
		}
	}
}

func (p *jsonParser) array(depth int) (*Node, error) {
	n := &Node{Kind: Array}
	p.advance(1)
	p.space()
	if p.off < len(p.data) && p.data[p.off] == ']' {
		p.advance(1)
		return n, nil
	}
	for {
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.Items = append(n.Items, v)
		p.space()
		if p.off >= len(p.data) {
			return nil, p.errorf("unexpected end of file: array is not closed")
		}
		switch p.data[p.off] {
		case ',':
			p.advance(1)
		case ']':
			p.advance(1)
			return n, nil
		default:
			return nil, p.errorf("expected ',' or ']' after array element, found %s", p.describe())
		}
	}
}

// str scans a string literal and decodes it with encoding/json, which knows
// every escape.
func (p *jsonParser) str() (string, error) {
	i := p.off + 1
	for i < len(p.data) {
		switch c := p.data[i]; {
		case c == '\\':
			i += 2
			continue
		case c == '"':
			raw := p.data[p.off : i+1]
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return "", p.errorf("bad string literal")
			}
			p.advance(len(raw))
			return s, nil
		case c < 0x20:
			p.advance(i - p.off)
			return "", p.errorf("control character in string")
		}
		i++
	}
	return "", p.errorf("string is not closed")
}

func (p *jsonParser) number() (*Node, error) {
	i := p.off
	for i < len(p.data) && isNumberByte(p.data[i]) {
		i++
	}
	lit := string(p.data[p.off:i])
	if !json.Valid(p.data[p.off:i]) {
		return nil, p.errorf("bad number %q", lit)
	}
	p.advance(i - p.off)
	return &Node{Kind: Number, Value: json.Number(lit)}, nil
}

func isNumberByte(c byte) bool {
	return c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || (c >= '0' && c <= '9')
}

func (p *jsonParser) literal() (*Node, error) {
	for _, lit := range [...]struct {
		text string
		node Node
	}{
		{"true", Node{Kind: Bool, Value: true}},
		{"false", Node{Kind: Bool, Value: false}},
		{"null", Node{Kind: Null}},
	} {
		if len(p.data)-p.off >= len(lit.text) && string(p.data[p.off:p.off+len(lit.text)]) == lit.text {
			p.advance(len(lit.text))
			n := lit.node
			return &n, nil
		}
	}
	return nil, p.errorf("unexpected %s", p.describe())
}
