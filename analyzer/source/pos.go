package source

import "fmt"

// Pos is a position in a file: a 1-based line and a 1-based column counted in
// Unicode characters.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Range is a span of a file. End is exclusive, as in SARIF regions.
type Range struct {
	File  string `json:"file,omitempty"`
	Start Pos    `json:"start"`
	End   Pos    `json:"end"`
}

// IsZero reports whether r holds no position at all.
func (r Range) IsZero() bool { return r.Start.Line == 0 }

func (r Range) String() string {
	if r.File == "" {
		return fmt.Sprintf("%d:%d", r.Start.Line, r.Start.Col)
	}
	return fmt.Sprintf("%s:%d:%d", r.File, r.Start.Line, r.Start.Col)
}

// Error is an error in user input at a known position. Parsers return it so
// that every output can show the line of the mistake.
type Error struct {
	Range Range
	Msg   string
}

func (e *Error) Error() string {
	if e.Range.IsZero() {
		return fmt.Sprintf("%s: %s", e.Range.File, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Range, e.Msg)
}

// Errorf returns an *Error at the start of r.
func Errorf(r Range, format string, args ...any) *Error {
	return &Error{Range: r, Msg: fmt.Sprintf(format, args...)}
}
