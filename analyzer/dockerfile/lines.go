package dockerfile

import (
	"bytes"
	"regexp"
	"unicode/utf8"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// physical holds the raw lines of a Dockerfile so that offsets in the
// joined text of a multi-line instruction can be mapped back to the
// continuation line they were written on. BuildKit only keeps the first and
// last line of an instruction.
type physical struct {
	lines [][]byte // without their line endings
}

func newPhysical(data []byte) *physical {
	raw := bytes.Split(data, []byte("\n"))
	for i, l := range raw {
		raw[i] = bytes.TrimRight(l, "\r")
	}
	return &physical{lines: raw}
}

func (p *physical) line(n int) []byte {
	if n < 1 || n > len(p.lines) {
		return nil
	}
	return p.lines[n-1]
}

// joined is the text of one instruction after BuildKit joined its
// continuation lines, with the source position of every byte.
type joined struct {
	text string
	pos  []source.Pos // pos[i] is where text[i] was written; one extra entry for the end
	buf  []byte
}

// at returns the position of byte offset off of the joined text.
func (j *joined) at(off int) source.Pos {
	if len(j.pos) == 0 {
		return source.Pos{}
	}
	off = max(0, min(off, len(j.pos)-1))
	return j.pos[off]
}

// continuation returns BuildKit's line-continuation pattern for an escape
// token (see parser.directives.setEscapeToken).
func continuation(escape rune) *regexp.Regexp {
	e := regexp.QuoteMeta(string(escape))
	return regexp.MustCompile(`([^` + e + `])` + e + `[ \t]*$|^` + e + `[ \t]*$`)
}

// join replays BuildKit's joining of the instruction starting at line
// start: the first line loses its leading blanks, comment lines and empty
// lines inside the instruction are dropped, and each line loses its
// trailing escape token. want is the parser's Original text; when the
// replay disagrees every byte is placed at the start line.
func (p *physical) join(start int, cont *regexp.Regexp, want string) *joined {
	// A replay that agrees has exactly want's bytes: size for that once
	// rather than growing both slices line by line.
	j := &joined{buf: make([]byte, 0, len(want)), pos: make([]source.Pos, 0, len(want)+1)}
	for n := start; n <= len(p.lines); n++ {
		l := p.line(n)
		col := 1
		if n == start {
			trimmed := bytes.TrimLeft(l, " \t\v\f\r")
			col += utf8.RuneCount(l[:len(l)-len(trimmed)])
			l = trimmed
		} else if isComment(l) || len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		keep, more := l, false
		if m := cont.FindSubmatchIndex(l); m != nil {
			more = true
			if m[2] >= 0 {
				keep = l[:m[3]]
			} else {
				keep = l[:m[0]]
			}
		}
		j.appendLine(keep, n, col)
		if !more {
			break
		}
	}
	j.text, j.buf = string(j.buf), nil
	if j.text != want {
		return fallbackJoined(want, source.Pos{Line: start, Col: 1})
	}
	return j
}

func (j *joined) appendLine(b []byte, line, col int) {
	j.buf = append(j.buf, b...)
	if len(j.pos) > 0 {
		j.pos = j.pos[:len(j.pos)-1] // drop the previous end marker
	}
	for i := 0; i < len(b); {
		_, size := utf8.DecodeRune(b[i:])
		for k := 0; k < size; k++ {
			j.pos = append(j.pos, source.Pos{Line: line, Col: col})
		}
		i += size
		col++
	}
	j.pos = append(j.pos, source.Pos{Line: line, Col: col})
}

func fallbackJoined(text string, at source.Pos) *joined {
	j := &joined{text: text, pos: make([]source.Pos, len(text)+1)}
	for i := range j.pos {
		j.pos[i] = at
	}
	return j
}

func isComment(l []byte) bool {
	t := bytes.TrimLeft(l, " \t\v\f\r")
	return len(t) > 0 && t[0] == '#'
}
