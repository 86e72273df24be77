package report

import (
	"encoding/xml"
	"io"

	"github.com/shipcheck/shipcheck/analyzer/result"
)

type (
	checkstyleDoc struct {
		XMLName xml.Name         `xml:"checkstyle"`
		Version string           `xml:"version,attr"`
		Files   []checkstyleFile `xml:"file"`
	}
	checkstyleFile struct {
		Name   string            `xml:"name,attr"`
		Errors []checkstyleError `xml:"error"`
	}
	checkstyleError struct {
		Line     int    `xml:"line,attr"`
		Column   int    `xml:"column,attr,omitempty"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
)

// checkstyleSeverity maps severities to Checkstyle's error, warning and
// info, the levels CI plugins (Jenkins warnings-ng, reviewdog) read.
var checkstyleSeverity = map[result.Severity]string{
	result.Critical: "error",
	result.High:     "error",
	result.Medium:   "warning",
	result.Low:      "info",
	result.Info:     "info",
}

// checkstyleSourcePrefix namespaces rule IDs in the source attribute.
const checkstyleSourcePrefix = "shipcheck."

// Checkstyle writes Checkstyle XML 4.3: a <file> per scanned file (empty
// when clean) with an <error> per finding, source "shipcheck.<ID>". A tool
// error not already reported as an ERR001 finding is an error with source
// "shipcheck.ERR001". Suppressed findings, when included, have severity
// "ignore".
func Checkstyle(w io.Writer, r *result.Report, opt Options) error {
	findings := visible(r, opt)
	files := map[string]*checkstyleFile{}
	file := func(name string) *checkstyleFile {
		name = displayPath(name, opt)
		if f, ok := files[name]; ok {
			return f
		}
		f := &checkstyleFile{Name: name}
		files[name] = f
		return f
	}
	for _, name := range r.Files {
		file(name)
	}
	for _, f := range findings {
		sev := checkstyleSeverity[f.Severity]
		if f.Suppression != nil {
			sev = "ignore"
		}
		cf := file(f.Range.File)
		cf.Errors = append(cf.Errors, checkstyleError{
			Line: f.Range.Start.Line, Column: f.Range.Start.Col, Severity: sev,
			Message: f.Message, Source: checkstyleSourcePrefix + f.RuleID,
		})
	}
	for _, e := range standaloneErrors(r, findings, opt) {
		cf := file(e.Range.File)
		cf.Errors = append(cf.Errors, checkstyleError{
			Line: e.Range.Start.Line, Column: e.Range.Start.Col, Severity: "error",
			Message: e.Message, Source: checkstyleSourcePrefix + parseErrorRule,
		})
	}
	doc := checkstyleDoc{Version: "4.3"}
	for _, name := range sortedKeys(files) {
		doc.Files = append(doc.Files, *files[name])
	}
	return writeXML(w, doc, "checkstyle")
}
