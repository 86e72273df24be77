// Package dockerfile reads Dockerfiles (and Containerfiles) into the
// canonical "dockerfile" resource: build stages with their base image,
// parent stage and inherited settings, and every instruction with its
// flags, arguments, source lines and, for RUN, the parsed shell commands.
//
// Parsing is BuildKit's own parser, so line continuations, the escape
// directive, heredocs and JSON versus shell form behave as in docker build.
// ARG and ENV values are expanded with BuildKit's word lexer and scoping.
package dockerfile

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/parser"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/secrets"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// Format is the input format name of Dockerfiles.
const Format = "dockerfile"

// IsDockerfileName reports whether a file's base name marks it as a
// Dockerfile: Dockerfile, Containerfile, *.Dockerfile, *.dockerfile,
// *.Containerfile, Dockerfile.* and Containerfile.* (any case). A
// Dockerfile.* name whose extension belongs to another format
// (Dockerfile.rego, Dockerfile.md, Dockerfile.dockerignore) is not one.
// Templates (Dockerfile.j2, Dockerfile.template) are, but Load skips those
// that hold template directives.
func IsDockerfileName(name string) bool {
	lower := strings.ToLower(filepath.Base(name))
	switch {
	case lower == "dockerfile" || lower == "containerfile":
		return true
	case strings.HasSuffix(lower, ".dockerfile") || strings.HasSuffix(lower, ".containerfile"):
		return true
	case strings.HasPrefix(lower, "dockerfile.") || strings.HasPrefix(lower, "containerfile."):
		return !otherFormats[strings.TrimPrefix(filepath.Ext(lower), ".")]
	}
	return false
}

// otherFormats are extensions that make Dockerfile.<ext> a file about a
// Dockerfile rather than one: policies, docs, scripts, data, archives.
var otherFormats = map[string]bool{
	"dockerignore": true, "rego": true, "md": true, "txt": true, "rst": true, "adoc": true, "html": true,
	"json": true, "yaml": true, "yml": true, "toml": true, "xml": true, "ini": true, "cfg": true, "csv": true,
	"sh": true, "bash": true, "ps1": true, "bat": true, "cmd": true, "py": true, "go": true, "js": true, "ts": true, "rb": true,
	"tf": true, "hcl": true, "lock": true, "sum": true, "log": true, "orig": true, "rej": true, "bak": true, "swp": true,
	"gz": true, "tgz": true, "zip": true, "tar": true, "png": true, "jpg": true, "svg": true, "sig": true, "asc": true,
}

// Options tune how a Dockerfile is read.
type Options struct {
	// Target names the stage that is built, as docker build --target; empty
	// means the last stage.
	Target string
}

// Load reads one Dockerfile into one resource. A file that BuildKit cannot
// parse yields a *source.Error at the offending line.
func Load(file string, data []byte) ([]*resource.Resource, []error) {
	return LoadWithOptions(file, data, Options{})
}

// LoadWithOptions is Load with options.
func LoadWithOptions(file string, data []byte, opts Options) ([]*resource.Resource, []error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if line := templateLine(file, data); line > 0 {
		return nil, []error{&TemplateError{File: file, Line: line}}
	}
	res, err := parser.Parse(bytes.NewReader(data))
	if err != nil {
		if isEmpty(data) {
			return nil, nil // nothing to lint: an empty or comment-only file
		}
		return nil, []error{parseError(file, err)}
	}
	if err := tooManyStages(file, res); err != nil {
		return nil, []error{err}
	}
	m, errs := build(file, data, res, opts)
	if m == nil {
		return nil, errs
	}
	spec, ix := m.spec(file)
	return []*resource.Resource{{
		Kind:   resource.Dockerfile,
		Name:   filepath.Base(file),
		File:   file,
		Format: Format,
		Spec:   spec,
		Index:  ix,
	}}, errs
}

// templateExts are the extensions of Dockerfile templates: Ansible
// Molecule's Dockerfile.j2, docker-library's and balena's
// Dockerfile.template, Go and ERB templates, autoconf's .in.
var templateExts = map[string]bool{
	"j2": true, "jinja": true, "jinja2": true, "template": true, "tmpl": true, "tpl": true, "gotmpl": true,
	"erb": true, "mustache": true, "hbs": true, "m4": true, "in": true,
}

// templateDirective matches template syntax docker build cannot read:
// statements ({% if %}, {{ end }}, {# note #}, <% ... %>) and {{ }}
// placeholders, which split FROM {{ image }} into the image "{{".
var templateDirective = regexp.MustCompile(`(?m)\{\{|\{%|<%|^[ \t]*\{#`)

// templateLine returns the first line of template syntax in a file named
// as a template, or 0 when it is read as a Dockerfile. Templates whose
// placeholders docker build reads as plain words (balena's
// FROM resin/%%MACHINE%%-python) are read as Dockerfiles.
func templateLine(file string, data []byte) int {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(file)), ".")
	if !templateExts[ext] {
		return 0
	}
	loc := templateDirective.FindIndex(data)
	if loc == nil {
		return 0
	}
	return 1 + bytes.Count(data[:loc[0]], []byte("\n"))
}

// ErrTemplate is the error (see TemplateError) for a Dockerfile template:
// it is not a Dockerfile until a tool renders it, so it is not scanned (a
// note, not a parse error). Check it with errors.Is.
var ErrTemplate = errors.New("unrendered Dockerfile template")

// TemplateError locates the first template syntax of a Dockerfile template.
type TemplateError struct {
	File string
	Line int
}

func (e *TemplateError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, ErrTemplate)
}

// Unwrap makes errors.Is(err, ErrTemplate) hold.
func (e *TemplateError) Unwrap() error { return ErrTemplate }

func isEmpty(data []byte) bool {
	for _, l := range bytes.Split(data, []byte("\n")) {
		if t := bytes.TrimSpace(l); len(t) > 0 && t[0] != '#' {
			return false
		}
	}
	return true
}

// parseError turns a BuildKit parse error into a *source.Error at its line.
func parseError(file string, err error) *source.Error {
	line := 1
	var le *parser.LocationError
	if errors.As(err, &le) && len(le.Locations) > 0 && len(le.Locations[0]) > 0 {
		line = max(1, le.Locations[0][0].Start.Line)
	}
	msg := err.Error()
	if le != nil && le.Unwrap() != nil {
		msg = le.Unwrap().Error()
	}
	return source.Errorf(lineRange(file, line), "invalid Dockerfile: %s", maskWord(msg))
}

// missingEquals is BuildKit's error for an ENV, ARG or LABEL word without
// '=', which quotes the word: part of a value, perhaps of a password with
// a space in it (ENV DB_PASSWORD=pass word).
var missingEquals = regexp.MustCompile(`(can't find = in )"([^"]*)"`)

// maskWord masks the word a missing-'=' error quotes, as secrets are
// masked everywhere.
func maskWord(msg string) string {
	return missingEquals.ReplaceAllStringFunc(msg, func(m string) string {
		sub := missingEquals.FindStringSubmatch(m)
		return sub[1] + strconv.Quote(secrets.Mask(sub[2]))
	})
}

func lineRange(file string, line int) source.Range {
	return source.Range{File: file, Start: source.Pos{Line: line, Col: 1}, End: source.Pos{Line: line + 1, Col: 1}}
}

func errorAt(file string, line int, format string, args ...any) *source.Error {
	return source.Errorf(lineRange(file, line), format, args...)
}
