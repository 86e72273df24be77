package terraform

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// sources holds the content of a module's files and, built on first use,
// where each of their lines starts, so that positions convert to byte
// offsets without rescanning a file for every string.
type sources struct {
	data  map[string][]byte
	lines map[string][]int
}

// offset returns the byte offset of pos in file, or -1.
func (s *sources) offset(file string, pos source.Pos) int {
	data := s.data[file]
	starts, ok := s.lines[file]
	if !ok {
		starts = []int{0}
		for i, c := range data {
			if c == '\n' {
				starts = append(starts, i+1)
			}
		}
		s.lines[file] = starts
	}
	if pos.Line < 1 || pos.Line > len(starts) {
		return -1
	}
	off := starts[pos.Line-1]
	for col := 1; col < pos.Col; col++ {
		if off >= len(data) || data[off] == '\n' {
			return -1
		}
		_, size := utf8.DecodeRune(data[off:])
		off += size
	}
	return off
}

// parseEmbeddedJSONAt parses the JSON document held in a JSON string
// literal (container_definitions in plan JSON or .tf.json), with positions
// inside that string literal: each decoded character is mapped back to the
// column of the raw, escaped character it came from. The literal's opening
// quote is at data[off]; str is the string node as parsed from the file.
func parseEmbeddedJSONAt(data []byte, off int, str *source.Node) (*source.Node, error) {
	text, cols, ok := decodeJSONString(data, off, str.Range.Start)
	if !ok {
		// Not where the node says: fall back to positions at the string.
		doc, err := source.ParseJSON(str.Range.File, []byte(str.Str()))
		if err != nil {
			return nil, err
		}
		restamp(doc, str.Range)
		return doc, nil
	}
	doc, err := source.ParseJSON(str.Range.File, []byte(text))
	if err != nil {
		if se, ok := err.(*source.Error); ok {
			se.Range = newPosMap(text, cols).rng(se.Range)
		}
		return nil, err
	}
	newPosMap(text, cols).node(doc)
	return doc, nil
}

// decodeJSONString decodes the string literal starting with its quote at
// data[off] and returns the decoded text and, for each decoded character
// (plus one past the end), the raw position it was written at.
func decodeJSONString(data []byte, off int, start source.Pos) (string, []source.Pos, bool) {
	if off < 0 || off >= len(data) || data[off] != '"' {
		return "", nil, false
	}
	var b strings.Builder
	var cols []source.Pos
	line, col := start.Line, start.Col+1
	i := off + 1
	for i < len(data) {
		c := data[i]
		at := source.Pos{Line: line, Col: col}
		switch {
		case c == '"':
			cols = append(cols, at)
			return b.String(), cols, true
		case c == '\\' && i+1 < len(data):
			r, n := decodeEscape(data[i:])
			if n == 0 {
				return "", nil, false
			}
			b.WriteRune(r)
			cols = append(cols, at)
			i += n
			col += n
		case c == '\n':
			return "", nil, false
		default:
			r, size := utf8.DecodeRune(data[i:])
			b.WriteRune(r)
			cols = append(cols, at)
			i += size
			col++
		}
	}
	return "", nil, false
}

// decodeEscape decodes one escape at the start of s and returns the rune
// and the raw length, 0 when it is not valid.
func decodeEscape(s []byte) (rune, int) {
	switch s[1] {
	case '"', '\\', '/':
		return rune(s[1]), 2
	case 'b':
		return '\b', 2
	case 'f':
		return '\f', 2
	case 'n':
		return '\n', 2
	case 'r':
		return '\r', 2
	case 't':
		return '\t', 2
	case 'u':
		r1, ok := hex4(s[2:])
		if !ok {
			return 0, 0
		}
		if utf16.IsSurrogate(r1) && len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
			if r2, ok := hex4(s[8:]); ok {
				return utf16.DecodeRune(r1, r2), 12
			}
		}
		return r1, 6
	}
	return 0, 0
}

func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(s[:4]), 16, 32)
	return rune(v), err == nil
}

// posMap maps positions in decoded text to the raw positions they were
// written at.
type posMap struct {
	lineStarts []int // character index of each line's first character
	cols       []source.Pos
}

func newPosMap(text string, cols []source.Pos) *posMap {
	m := &posMap{lineStarts: []int{0}, cols: cols}
	idx := 0
	for _, r := range text {
		idx++
		if r == '\n' {
			m.lineStarts = append(m.lineStarts, idx)
		}
	}
	return m
}

func (m *posMap) node(n *source.Node) {
	n.Range = m.rng(n.Range)
	for i := range n.Members {
		n.Members[i].KeyRange = m.rng(n.Members[i].KeyRange)
		m.node(n.Members[i].Value)
	}
	for _, it := range n.Items {
		m.node(it)
	}
}

func (m *posMap) rng(r source.Range) source.Range {
	r.Start = m.pos(r.Start)
	r.End = m.pos(r.End)
	return r
}

func (m *posMap) pos(p source.Pos) source.Pos {
	if p.Line < 1 || p.Line > len(m.lineStarts) || len(m.cols) == 0 {
		return p
	}
	idx := m.lineStarts[p.Line-1] + p.Col - 1
	if idx >= len(m.cols) {
		idx = len(m.cols) - 1
	}
	if idx < 0 {
		idx = 0
	}
	return m.cols[idx]
}
