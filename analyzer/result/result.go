package result

import "github.com/shipcheck/shipcheck/analyzer/source"

// Rule is a rule's metadata, read from its Rego METADATA block.
type Rule struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"` // short slug, e.g. "missing-healthcheck"
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Severity    Severity `json:"severity"`
	Kinds       []string `json:"kinds"`
	Remediation string   `json:"remediation"`
	Links       []string `json:"links,omitempty"`
	Tags        []string `json:"tags,omitempty"`
	// Enabled is false for rules shipped off by default.
	Enabled bool `json:"enabled"`
	// Custom marks a rule loaded with --policy rather than built in.
	Custom bool   `json:"custom,omitempty"`
	File   string `json:"-"` // the Rego file that declares it
}

// Finding is one problem at one place.
type Finding struct {
	RuleID   string       `json:"rule"`
	Severity Severity     `json:"severity"`
	Message  string       `json:"message"`
	Range    source.Range `json:"-"`
	Resource string       `json:"resource,omitempty"`
	Kind     string       `json:"kind,omitempty"`
	// Path is the canonical path the rule reported, relative to the
	// resource's spec.
	Path source.Path `json:"-"`
	// Fingerprint identifies the finding across edits that move it.
	Fingerprint string `json:"fingerprint"`
	// Suppression is set when an ignore comment or config entry covers the
	// finding; reporters leave such findings out unless asked.
	Suppression *Suppression `json:"suppression,omitempty"`
	// Baseline is "new" or "unchanged" when a baseline was given.
	Baseline string `json:"baseline,omitempty"`
}

// Suppression says why a finding is not reported.
type Suppression struct {
	Kind          string `json:"kind"` // "inSource" or "external", as in SARIF
	Justification string `json:"justification,omitempty"`
}

// ToolError is a problem that stopped a file or policy from being analysed.
type ToolError struct {
	Range   source.Range `json:"-"` // File is always set; the line when known
	Message string       `json:"message"`
}

// Report is the outcome of a scan.
type Report struct {
	Tool     Tool
	Rules    []Rule    // every rule that ran, sorted by ID
	Findings []Finding // sorted by file, line, column, rule
	Errors   []ToolError
	// Notes are informational messages about the scan that are not errors,
	// such as unrendered Helm charts that were skipped.
	Notes []ToolError
	// Files lists every file that was read, in scan order.
	Files []string
	// Suppressed counts findings left out by suppressions.
	Suppressed int
}

// Tool names the analyzer in reports.
type Tool struct {
	Name    string
	Version string
	URI     string
}
