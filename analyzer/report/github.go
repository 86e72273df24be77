package report

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/result"
)

// githubCommand maps severities to the workflow command that annotates a
// line in a pull request.
var githubCommand = map[result.Severity]string{
	result.Critical: "error",
	result.High:     "error",
	result.Medium:   "warning",
	result.Low:      "notice",
	result.Info:     "notice",
}

// StepSummaryEnv names the file GitHub Actions renders as the job summary.
const StepSummaryEnv = "GITHUB_STEP_SUMMARY"

// maxSummaryRows bounds the findings table of the job summary; GitHub
// limits a step's summary to 1 MiB.
const maxSummaryRows = 200

// GitHub writes GitHub Actions workflow commands: one ::error, ::warning
// or ::notice annotation per finding (error for critical and high, warning
// for medium, notice for low and info) and per tool error, and a notice
// per note. When
// $GITHUB_STEP_SUMMARY names a file, a Markdown job summary is appended to
// it.
func GitHub(w io.Writer, r *result.Report, opt Options) error {
	findings := visible(r, opt)
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		bw.WriteString(githubAnnotation(f, opt))
	}
	for _, e := range standaloneErrors(r, findings, opt) {
		bw.WriteString(githubErrorAnnotation(e, opt))
	}
	for _, n := range sortedErrors(r.Notes, opt) {
		bw.WriteString(githubNoteAnnotation(n, opt))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write github annotations: %w", err)
	}
	if path := os.Getenv(StepSummaryEnv); path != "" {
		if err := appendStepSummary(path, r, findings, opt); err != nil {
			return err
		}
	}
	return nil
}

func githubAnnotation(f result.Finding, opt Options) string {
	cmd := githubCommand[f.Severity]
	msg := f.Message
	if s := f.Suppression; s != nil {
		cmd, msg = "notice", "[suppressed] "+msg
	}
	props := []string{"file=" + escapeProperty(displayPath(f.Range.File, opt))}
	reg := region(f.Range)
	props = append(props, "line="+strconv.Itoa(reg.StartLine))
	if reg.StartColumn > 0 {
		props = append(props, "col="+strconv.Itoa(reg.StartColumn))
	}
	if reg.EndLine > 0 {
		props = append(props, "endLine="+strconv.Itoa(reg.EndLine))
		if reg.EndColumn > 0 {
			props = append(props, "endColumn="+strconv.Itoa(reg.EndColumn))
		}
	}
	props = append(props, "title="+escapeProperty(f.RuleID))
	return "::" + cmd + " " + strings.Join(props, ",") + "::" + escapeData(msg) + "\n"
}

func githubErrorAnnotation(e result.ToolError, opt Options) string {
	props := append(toolProps(e, opt), "title="+escapeProperty(parseErrorRule))
	return "::error " + strings.Join(props, ",") + "::" + escapeData(e.Message) + "\n"
}

// githubNoteAnnotation writes a note (a skipped Helm chart) as a notice.
func githubNoteAnnotation(n result.ToolError, opt Options) string {
	props := toolProps(n, opt)
	if len(props) == 0 {
		return "::notice::" + escapeData(n.Message) + "\n"
	}
	return "::notice " + strings.Join(props, ",") + "::" + escapeData(n.Message) + "\n"
}

// toolProps locates a tool error or note: its file and line when known.
func toolProps(e result.ToolError, opt Options) []string {
	var props []string
	if e.Range.File != "" {
		props = append(props, "file="+escapeProperty(displayPath(e.Range.File, opt)))
		if e.Range.Start.Line >= 1 {
			props = append(props, "line="+strconv.Itoa(e.Range.Start.Line))
		}
	}
	return props
}

// escapeData escapes a workflow command's message as @actions/core does.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command property value; ':' and ','
// would otherwise end the value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// appendStepSummary appends the Markdown job summary to path, which the
// runner created; other steps may have written to it before.
func appendStepSummary(path string, r *result.Report, findings []result.Finding, opt Options) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("open job summary %s: %w", path, err)
	}
	_, werr := io.WriteString(f, stepSummary(r, findings, opt))
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		return fmt.Errorf("write job summary %s: %w", path, err)
	}
	return nil
}

// stepSummary renders counts by severity, a table of findings and the tool
// errors as GitHub-flavoured Markdown.
func stepSummary(r *result.Report, findings []result.Finding, opt Options) string {
	var b strings.Builder
	active := unsuppressed(findings)
	c := countSeverities(active)
	fmt.Fprintf(&b, "## %s\n\n", mdCell(tool(r, opt).Name))
	fmt.Fprintf(&b, "%s scanned, %s, %d suppressed, %s.\n\n", plural(len(r.Files), "file"),
		plural(len(active), "finding"), suppressedCount(r), plural(len(r.Errors), "tool error"))
	b.WriteString("| Severity | Findings |\n|---|---:|\n")
	for _, s := range severitiesDesc {
		fmt.Fprintf(&b, "| %s | %d |\n", s, c[s])
	}
	if len(active) > 0 {
		b.WriteString("\n### Findings\n\n| Severity | Rule | Location | Message |\n|---|---|---|---|\n")
		for i, f := range bySeverity(active) {
			if i == maxSummaryRows {
				fmt.Fprintf(&b, "\n…and %d more; see the annotations or the SARIF report.\n", len(active)-i)
				break
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", f.Severity, mdCode(f.RuleID),
				mdCode(fmt.Sprintf("%s:%d", displayPath(f.Range.File, opt), f.Range.Start.Line)), mdCell(f.Message))
		}
	}
	if errs := sortedErrors(r.Errors, opt); len(errs) > 0 {
		b.WriteString("\n### Tool errors\n\n")
		for _, e := range errs {
			fmt.Fprintf(&b, "- %s %s\n", mdCode(fmt.Sprintf("%s:%d", displayPath(e.Range.File, opt), e.Range.Start.Line)), mdCell(e.Message))
		}
	}
	b.WriteString("\n")
	return b.String()
}

// mdCell makes text safe inside a Markdown table cell: no HTML, no pipe
// ending the cell, no line break ending the row, no emphasis from the
// stars of a masked value.
func mdCell(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "|", `\|`, "\r\n", " ", "\n", " ", "\r", " ",
		"`", "\\`", "*", `\*`, "\\", `\\`).Replace(s)
}

// mdCode renders s as a code span inside a table cell.
func mdCode(s string) string {
	s = strings.NewReplacer("`", "'", "|", `\|`, "\r", " ", "\n", " ").Replace(s)
	return "`" + s + "`"
}

// bySeverity orders findings from the most severe, keeping the file order
// within a severity, so a cut table shows what matters most.
func bySeverity(fs []result.Finding) []result.Finding {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b result.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	return out
}
