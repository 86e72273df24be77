package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/shipcheck/shipcheck/analyzer/result"
)

// JSONVersion is the version of the JSON document JSON writes. It changes
// only when a field is removed or changes meaning; new fields may appear
// in any version. The schema is documented in json.md beside this file.
const JSONVersion = 1

type (
	jsonDoc struct {
		Version  int           `json:"version"`
		Tool     jsonTool      `json:"tool"`
		Findings []jsonFinding `json:"findings"`
		Errors   []jsonError   `json:"errors"`
		Notes    []jsonError   `json:"notes,omitempty"`
		Summary  jsonSummary   `json:"summary"`
	}
	jsonTool struct {
		Name           string `json:"name"`
		Version        string `json:"version"`
		InformationURI string `json:"informationUri"`
	}
	jsonFinding struct {
		Rule        string              `json:"rule"`
		Title       string              `json:"title,omitempty"`
		Severity    string              `json:"severity"`
		Message     string              `json:"message"`
		File        string              `json:"file"`
		StartLine   int                 `json:"startLine"`
		StartColumn int                 `json:"startColumn"`
		EndLine     int                 `json:"endLine"`
		EndColumn   int                 `json:"endColumn"`
		Resource    string              `json:"resource,omitempty"`
		Kind        string              `json:"kind,omitempty"`
		Path        string              `json:"path,omitempty"`
		Fingerprint string              `json:"fingerprint,omitempty"`
		Suppression *result.Suppression `json:"suppression,omitempty"`
		Baseline    string              `json:"baseline,omitempty"`
	}
	jsonError struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	}
	jsonSummary struct {
		FilesScanned int            `json:"filesScanned"`
		Findings     int            `json:"findings"`
		BySeverity   map[string]int `json:"bySeverity"`
		Suppressed   int            `json:"suppressed"`
		Errors       int            `json:"errors"`
	}
)

// JSON writes the report as the versioned document described in json.md:
// tool, findings, tool errors, notes and summary counts, indented by two
// spaces.
func JSON(w io.Writer, r *result.Report, opt Options) error {
	findings := visible(r, opt)
	rules := ruleTable(r)
	t := tool(r, opt)
	doc := jsonDoc{
		Version:  JSONVersion,
		Tool:     jsonTool{Name: t.Name, Version: t.Version, InformationURI: t.URI},
		Findings: make([]jsonFinding, 0, len(findings)),
		Errors:   make([]jsonError, 0, len(r.Errors)),
		Summary:  jsonSummaryOf(r, findings),
	}
	for _, f := range findings {
		doc.Findings = append(doc.Findings, jsonFindingOf(f, rules[f.RuleID], opt))
	}
	for _, e := range sortedErrors(r.Errors, opt) {
		doc.Errors = append(doc.Errors, jsonErrorOf(e, opt))
	}
	for _, n := range sortedErrors(r.Notes, opt) {
		doc.Notes = append(doc.Notes, jsonErrorOf(n, opt))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

func jsonErrorOf(e result.ToolError, opt Options) jsonError {
	return jsonError{File: displayPath(e.Range.File, opt), Line: e.Range.Start.Line, Column: e.Range.Start.Col, Message: e.Message}
}

func jsonFindingOf(f result.Finding, rule *result.Rule, opt Options) jsonFinding {
	out := jsonFinding{
		Rule:        f.RuleID,
		Severity:    f.Severity.String(),
		Message:     f.Message,
		File:        displayPath(f.Range.File, opt),
		StartLine:   f.Range.Start.Line,
		StartColumn: f.Range.Start.Col,
		EndLine:     f.Range.End.Line,
		EndColumn:   f.Range.End.Col,
		Resource:    f.Resource,
		Kind:        f.Kind,
		Path:        f.Path.String(),
		Fingerprint: f.Fingerprint,
		Suppression: f.Suppression,
		Baseline:    f.Baseline,
	}
	if rule != nil {
		out.Title = rule.Title
	}
	return out
}

func jsonSummaryOf(r *result.Report, findings []result.Finding) jsonSummary {
	active := unsuppressed(findings)
	c := countSeverities(active)
	by := make(map[string]int, len(severitiesDesc))
	for _, s := range severitiesDesc {
		by[s.String()] = c[s]
	}
	return jsonSummary{
		FilesScanned: len(r.Files),
		Findings:     len(active),
		BySeverity:   by,
		Suppressed:   suppressedCount(r),
		Errors:       len(r.Errors),
	}
}
