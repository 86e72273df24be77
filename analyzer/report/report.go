// Package report writes a scan's result in the formats people and CI
// systems read: text for terminals, a versioned JSON document, SARIF 2.1.0
// for code scanning and editors, JUnit XML, GitHub workflow annotations and
// Checkstyle XML. One file per format; Formats maps a format's name to its
// writer so the command line can dispatch on a flag value.
//
// Reporters render what the pipeline produced and decide nothing about it:
// messages are printed as the rules wrote them (rules mask secrets), and
// tool errors are rendered where each format has a place for them even
// though the pipeline also reports them as ERR001 findings.
package report

import (
	"cmp"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/result"
)

// Options are the choices every format shares. The zero value writes
// uncoloured output without suppressed findings, with paths as scanned.
type Options struct {
	// Color enables ANSI colours in the text format. The caller decides
	// (terminal, NO_COLOR); reporters never look at the environment for it.
	Color bool
	// IncludeSuppressed also writes findings that carry a Suppression,
	// marked as such; by default they are left out and only counted.
	IncludeSuppressed bool
	// BaseDir is the directory paths are written relative to (a repository
	// root): SARIF URIs, GitHub annotation files and every displayed path.
	// Files outside it keep the path they were scanned with.
	BaseDir string
	// ToolVersion overrides Report.Tool.Version when set.
	ToolVersion string
}

// Writer writes a report in one format.
type Writer func(w io.Writer, r *result.Report, opt Options) error

// Formats maps each output format's name, as given on the command line, to
// its writer.
var Formats = map[string]Writer{
	"text":       Text,
	"json":       JSON,
	"sarif":      SARIF,
	"junit":      JUnit,
	"github":     GitHub,
	"checkstyle": Checkstyle,
}

// FormatNames lists the keys of Formats in sorted order, for help texts and
// error messages.
func FormatNames() []string {
	names := make([]string, 0, len(Formats))
	for n := range Formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

const (
	defaultToolName = "shipcheck"
	defaultToolURI  = "https://github.com/shipcheck/shipcheck"
)

// tool returns the report's tool identity with defaults filled in.
func tool(r *result.Report, opt Options) result.Tool {
	t := r.Tool
	if t.Name == "" {
		t.Name = defaultToolName
	}
	if t.URI == "" {
		t.URI = defaultToolURI
	}
	if opt.ToolVersion != "" {
		t.Version = opt.ToolVersion
	}
	return t
}

// visible returns the findings a format writes, in a deterministic order:
// by displayed file, line, column, rule and message.
func visible(r *result.Report, opt Options) []result.Finding {
	out := make([]result.Finding, 0, len(r.Findings))
	for _, f := range r.Findings {
		if f.Suppression == nil || opt.IncludeSuppressed {
			out = append(out, f)
		}
	}
	shown := map[string]string{} // display paths resolve the working directory: once per file
	for _, f := range out {
		if _, ok := shown[f.Range.File]; !ok {
			shown[f.Range.File] = displayPath(f.Range.File, opt)
		}
	}
	slices.SortStableFunc(out, func(a, b result.Finding) int {
		return cmp.Or(
			cmp.Compare(shown[a.Range.File], shown[b.Range.File]),
			cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
			cmp.Compare(a.Range.Start.Col, b.Range.Start.Col),
			cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return out
}

// suppressedCount is the number of findings suppressions left out. The
// pipeline may either keep suppressed findings in Report.Findings or drop
// them and only count them in Report.Suppressed; both are honoured.
func suppressedCount(r *result.Report) int {
	n := 0
	for _, f := range r.Findings {
		if f.Suppression != nil {
			n++
		}
	}
	return max(n, r.Suppressed)
}

// unsuppressed returns the findings no suppression covers: the ones
// summaries count and CI gates on.
func unsuppressed(fs []result.Finding) []result.Finding {
	var out []result.Finding
	for _, f := range fs {
		if f.Suppression == nil {
			out = append(out, f)
		}
	}
	return out
}

// counts tallies findings by severity.
type counts map[result.Severity]int

func countSeverities(fs []result.Finding) counts {
	c := counts{}
	for _, f := range fs {
		c[f.Severity]++
	}
	return c
}

// severitiesDesc lists severities from the most to the least severe, the
// order of every summary.
var severitiesDesc = []result.Severity{result.Critical, result.High, result.Medium, result.Low, result.Info}

// parseErrorRule is the rule ID under which the pipeline also reports
// tool errors as findings.
const parseErrorRule = "ERR001"

// standaloneErrors returns the tool errors not already visible as an
// ERR001 finding for the same file at the same line or with the same
// message. Line-oriented formats (JUnit, Checkstyle, GitHub annotations)
// use it so a parse error is not shown twice in the same place.
func standaloneErrors(r *result.Report, fs []result.Finding, opt Options) []result.ToolError {
	type key struct {
		file, message string
		line          int
	}
	seen := map[key]bool{}
	for _, f := range fs {
		if f.RuleID == parseErrorRule {
			if f.Range.Start.Line >= 1 {
				seen[key{file: f.Range.File, line: f.Range.Start.Line}] = true
			}
			seen[key{file: f.Range.File, message: f.Message}] = true
		}
	}
	var out []result.ToolError
	for _, e := range sortedErrors(r.Errors, opt) {
		if !seen[key{file: e.Range.File, line: e.Range.Start.Line}] && !seen[key{file: e.Range.File, message: e.Message}] {
			out = append(out, e)
		}
	}
	return out
}

// isStdin reports whether name stands for standard input rather than a file.
func isStdin(name string) bool {
	return name == "-" || name == "<stdin>" || name == "stdin"
}

// displayPath is how a file is named in every format: relative to
// BaseDir when it lies inside it, slash-separated; otherwise as scanned.
func displayPath(file string, opt Options) string {
	if file == "" || isStdin(file) {
		return file
	}
	if rel, ok := relativeTo(file, opt.BaseDir); ok {
		return rel
	}
	return filepath.ToSlash(filepath.Clean(file))
}

// relativeTo returns file relative to base, slash-separated, when base is
// set and file lies inside it.
func relativeTo(file, base string) (string, bool) {
	if base == "" {
		return "", false
	}
	absFile, err1 := filepath.Abs(file)
	absBase, err2 := filepath.Abs(base)
	if err1 != nil || err2 != nil {
		return "", false
	}
	rel, err := filepath.Rel(absBase, absFile)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// ruleTable indexes rule metadata by ID.
func ruleTable(r *result.Report) map[string]*result.Rule {
	m := make(map[string]*result.Rule, len(r.Rules))
	for i := range r.Rules {
		m[r.Rules[i].ID] = &r.Rules[i]
	}
	return m
}

// sortedErrors returns a copy of errs ordered by displayed file and line.
func sortedErrors(errs []result.ToolError, opt Options) []result.ToolError {
	out := slices.Clone(errs)
	slices.SortStableFunc(out, func(a, b result.ToolError) int {
		return cmp.Or(
			cmp.Compare(displayPath(a.Range.File, opt), displayPath(b.Range.File, opt)),
			cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
			cmp.Compare(a.Range.Start.Col, b.Range.Start.Col),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return out
}
