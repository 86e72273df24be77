package kubernetes

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// ErrTemplate is the error (see TemplateError) for a manifest outside a
// Helm chart that holds template syntax YAML cannot read: an Ansible
// role's templates/deployment.yaml with {% if %} blocks or an unquoted
// name: {{ app }}, a gomplate or Jinja manifest. It is not YAML until its
// tool renders it, so it is not scanned (a note, not a parse error).
var ErrTemplate = errors.New("unrendered manifest template")

// TemplateError locates the template syntax a manifest template stopped
// the YAML parser at.
type TemplateError struct {
	File string
	Line int // where YAML stopped, at or near the template syntax
}

func (e *TemplateError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, ErrTemplate)
}

// Unwrap makes errors.Is(err, ErrTemplate) hold.
func (e *TemplateError) Unwrap() error { return ErrTemplate }

// templateLine matches a line that only a template engine reads: one that
// starts with a Jinja {% statement %}, which no YAML value can start
// with. (Lines that start with {{ are also Go templates kept in block
// scalars, such as Alertmanager's, so they do not count here.)
var templateLine = regexp.MustCompile(`(?m)^[ \t]*\{%`)

// templateValue matches a value or item that starts with template syntax
// (name: {{ app }}, - {{ item }}): YAML reads the braces as a flow
// mapping. Inside quotes ("{{ image }}") the expression is a string and
// the line parses.
var templateValue = regexp.MustCompile(`(^|[:,\[-])[ \t]*\{[{%]`)

// templateError returns a *TemplateError when the YAML syntax error err
// is due to template syntax: the file has lines that start with it, or
// the line the error is on has a value that does. Any other syntax error
// stays an error.
func templateError(file string, err error, data []byte) error {
	se, ok := err.(*source.Error)
	if !ok {
		return nil
	}
	line := se.Range.Start.Line
	if !templateLine.Match(data) && !templateValue.Match(lineOf(data, line)) {
		return nil
	}
	return &TemplateError{File: file, Line: line}
}

// lineOf returns the 1-based line n of data, or nil.
func lineOf(data []byte, n int) []byte {
	lines := bytes.Split(data, []byte("\n"))
	if n < 1 || n > len(lines) {
		return nil
	}
	return lines[n-1]
}
