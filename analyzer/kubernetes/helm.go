package kubernetes

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// ErrHelmTemplate is the error (see HelmTemplateError) for a file of a Helm
// chart's templates/ folder that still holds template expressions: it is
// not YAML until rendered. Check it with errors.Is.
var ErrHelmTemplate = errors.New("unrendered Helm template")

// HelmTemplateError names the chart an unrendered template belongs to, so
// that a scan can say once per chart that its templates need rendering.
type HelmTemplateError struct {
	File  string
	Chart string // the folder holding Chart.yaml
}

func (e *HelmTemplateError) Error() string {
	return e.File + ": " + ErrHelmTemplate.Error() + " of chart " + e.Chart +
		"; lint the rendered output: helm template " + e.Chart + " | shipcheck scan --type kubernetes -"
}

// Unwrap makes errors.Is(err, ErrHelmTemplate) hold.
func (e *HelmTemplateError) Unwrap() error { return ErrHelmTemplate }

// helmTemplate returns a *HelmTemplateError when file is under a chart's
// templates/ folder (a Chart.yaml beside that folder) and holds {{.
func helmTemplate(file string, data []byte) error {
	if !bytes.Contains(data, []byte("{{")) {
		return nil
	}
	chart := chartOf(file)
	if chart == "" {
		return nil
	}
	return &HelmTemplateError{File: file, Chart: chart}
}

// chartOf returns the chart folder of a file under <chart>/templates/, or
// "" when it is in none.
func chartOf(file string) string {
	if file == "" || file == "-" {
		return ""
	}
	dir := filepath.Dir(file)
	for {
		parent := filepath.Dir(dir)
		if filepath.Base(dir) == "templates" && isChart(parent) {
			return parent
		}
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func isChart(dir string) bool {
	for _, name := range []string{"Chart.yaml", "Chart.yml"} {
		if info, err := os.Stat(filepath.Join(dir, name)); err == nil && info.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// helmRendered reports whether the document whose root value starts at
// content is helm template output: Helm heads each document with
// "# Source: <chart>/templates/<file>". The comment is read from the lines
// above the document's first line, back to its "---", rather than from
// yaml.v3's comments: with CRLF line endings (helm.exe, a Windows checkout)
// yaml.v3 attaches it to the previous document as a foot comment.
func helmRendered(lines [][]byte, content *yaml.Node) bool {
	at := content.Line - 1
	if at < 0 || at >= len(lines) || bytes.HasPrefix(lines[at], []byte("---")) {
		return false
	}
	for i := at - 1; i >= 0; i-- {
		line := bytes.TrimSpace(lines[i])
		switch {
		case bytes.HasPrefix(line, []byte("# Source: ")):
			if helmSource(line[len("# Source: "):]) {
				return true
			}
		case len(line) > 0 && line[0] != '#':
			return false // the document's "---" or a directive
		}
	}
	return false
}

// helmSource reports whether the path of a "# Source:" comment is one
// Helm writes: a chart's templates/ or crds/ file (<chart>/templates/x.yaml,
// <chart>/charts/<sub>/templates/x.yaml, and crds/x.yaml with or without
// the chart's name). A hand-written manifest that cites where it was copied
// from ("# Source: https://raw.githubusercontent.com/...") is not Helm's.
func helmSource(path []byte) bool {
	if bytes.Contains(path, []byte("://")) {
		return false
	}
	for _, dir := range []string{"templates/", "crds/"} {
		if bytes.HasPrefix(path, []byte(dir)) || bytes.Contains(path, []byte("/"+dir)) {
			return true
		}
	}
	return false
}

// dropDefaultNamespace removes metadata.namespace: default from an object
// whose namespace is chosen elsewhere, so that it does not read as an
// explicit choice of the default namespace (K8S016): one helm template
// rendered (charts write namespace: {{ .Release.Namespace }}, which helm
// template renders as "default" when no -n is given), or one a
// kustomization's namespace field overrides (see setsNamespace).
func dropDefaultNamespace(obj *source.Node) {
	meta := obj.Get("metadata")
	if meta == nil || meta.Get("namespace").Str() != "default" {
		return
	}
	for i, m := range meta.Members {
		if m.Key == "namespace" {
			meta.Members = append(meta.Members[:i:i], meta.Members[i+1:]...)
			return
		}
	}
}
