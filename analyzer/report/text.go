package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// ANSI styles of the text format, used only with Options.Color.
const (
	styleReset = "\x1b[0m"
	styleBold  = "\x1b[1m"
	styleDim   = "\x1b[2m"
)

var severityStyle = map[result.Severity]string{
	result.Critical: "\x1b[1;35m",
	result.High:     "\x1b[1;31m",
	result.Medium:   "\x1b[33m",
	result.Low:      "\x1b[36m",
	result.Info:     "\x1b[34m",
}

// painter applies styles when colour is on.
type painter bool

func (p painter) paint(style, s string) string {
	if !p || style == "" {
		return s
	}
	return style + s + styleReset
}

// Text writes findings for people: grouped by file, one
// "path:line:col  SEVERITY  ID  message" line per finding followed by the
// source line with the span underlined (secret values masked, see
// excerpt.go), then the tool errors, the notes and a summary line.
func Text(w io.Writer, r *result.Report, opt Options) error {
	bw := bufio.NewWriter(w)
	tw := &textWriter{w: bw, opt: opt, p: painter(opt.Color), rules: ruleTable(r)}
	findings := visible(r, opt)
	tw.secrets = secretSpans(r, tw.rules)
	tw.lineless = linelessErrors(r)
	tw.findings(findings)
	tw.errors(sortedErrors(r.Errors, opt))
	tw.notes(sortedErrors(r.Notes, opt))
	tw.summary(r, findings)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write text report: %w", err)
	}
	return nil
}

type textWriter struct {
	w       *bufio.Writer
	opt     Options
	p       painter
	rules   map[string]*result.Rule
	secrets map[string][]secretSpan // file -> spans to mask
	// lineless holds "file\x00message" of tool errors without a line: the
	// pipeline places their ERR001 finding at 1:1, where an excerpt would
	// point at nothing in particular.
	lineless map[string]bool
}

// secretSpans collects, per file, the ranges of every secret finding,
// suppressed or not.
func secretSpans(r *result.Report, rules map[string]*result.Rule) map[string][]secretSpan {
	out := map[string][]secretSpan{}
	for _, f := range r.Findings {
		if isSecretRule(f.RuleID, rules) {
			out[f.Range.File] = append(out[f.Range.File], secretSpan{f.Range, f.Message})
		}
	}
	return out
}

func linelessErrors(r *result.Report) map[string]bool {
	m := map[string]bool{}
	for _, e := range r.Errors {
		if e.Range.Start.Line < 1 {
			m[e.Range.File+"\x00"+e.Message] = true
		}
	}
	return m
}

func (t *textWriter) findings(fs []result.Finding) {
	sevWidth := len("CRITICAL")
	for start := 0; start < len(fs); {
		end := start + 1
		for end < len(fs) && fs[end].Range.File == fs[start].Range.File {
			end++
		}
		if start > 0 {
			t.w.WriteString("\n")
		}
		t.fileFindings(fs[start:end], sevWidth)
		start = end
	}
}

// fileFindings writes the findings of one file, reading it for excerpts
// only once and only when there is something to show.
func (t *textWriter) fileFindings(fs []result.Finding, sevWidth int) {
	file := fs[0].Range.File
	var src *sourceFile
	loaded := false
	numWidth := 1
	for _, f := range fs {
		numWidth = max(numWidth, len(strconv.Itoa(f.Range.Start.Line)))
	}
	for i, f := range fs {
		t.findingLine(f, sevWidth)
		if i+1 < len(fs) && fs[i+1].Range == f.Range {
			continue // findings at the same span share one excerpt, after the last
		}
		if f.RuleID == parseErrorRule && t.lineless[f.Range.File+"\x00"+f.Message] {
			continue
		}
		if !loaded {
			src, loaded = loadSource(file, t.secrets[file]), true
		}
		if ex, ok := src.excerptOf(f.Range); ok {
			t.excerpt(ex, f.Severity, numWidth)
		}
	}
}

func (t *textWriter) findingLine(f result.Finding, sevWidth int) {
	loc := t.location(f.Range)
	sev := strings.ToUpper(f.Severity.String())
	sev += strings.Repeat(" ", max(0, sevWidth-len(sev)))
	line := fmt.Sprintf("%s  %s  %s  %s", t.p.paint(styleBold, loc), t.p.paint(severityStyle[f.Severity], sev),
		t.p.paint(styleDim, f.RuleID), sanitize(f.Message))
	if s := f.Suppression; s != nil {
		note := "suppressed"
		if s.Justification != "" {
			note += ": " + sanitize(s.Justification)
		}
		line += "  " + t.p.paint(styleDim, "("+note+")")
	}
	if f.Baseline == "new" {
		line += "  " + t.p.paint(styleDim, "(new)")
	}
	t.w.WriteString(strings.TrimRight(line, " ") + "\n")
}

// location is "path:line:col", dropping what is unknown.
func (t *textWriter) location(r source.Range) string {
	loc := sanitize(displayPath(r.File, t.opt))
	if loc == "" {
		loc = "-"
	}
	if r.Start.Line >= 1 {
		loc += ":" + strconv.Itoa(r.Start.Line)
		if r.Start.Col >= 1 {
			loc += ":" + strconv.Itoa(r.Start.Col)
		}
	}
	return loc
}

func (t *textWriter) excerpt(ex excerpt, sev result.Severity, numWidth int) {
	num := fmt.Sprintf("%*d", numWidth, ex.line)
	t.w.WriteString(t.p.paint(styleDim, "    "+num+" | ") + ex.text + "\n")
	carets := strings.TrimLeft(ex.underline, " ")
	indent := ex.underline[:len(ex.underline)-len(carets)]
	t.w.WriteString(t.p.paint(styleDim, "    "+strings.Repeat(" ", numWidth)+" | ") + indent + t.p.paint(severityStyle[sev], carets) + "\n")
}

func (t *textWriter) errors(errs []result.ToolError) {
	if len(errs) == 0 {
		return
	}
	t.w.WriteString("\n" + t.p.paint(severityStyle[result.High], "Errors:") + "\n")
	for _, e := range errs {
		t.w.WriteString("  " + t.p.paint(styleBold, t.location(e.Range)) + "  " + sanitize(e.Message) + "\n")
	}
}

// notes lists what the scan could not look at without it being an error,
// such as a Helm chart whose templates must be rendered first.
func (t *textWriter) notes(notes []result.ToolError) {
	if len(notes) == 0 {
		return
	}
	t.w.WriteString("\nNotes:\n")
	for _, n := range notes {
		t.w.WriteString("  " + t.p.paint(styleBold, t.location(n.Range)) + "  " + sanitize(n.Message) + "\n")
	}
}

// summary ends the output with one line a reader (or a log grep) can rely
// on: files scanned, findings by severity, suppressed findings and tool
// errors.
func (t *textWriter) summary(r *result.Report, fs []result.Finding) {
	active := unsuppressed(fs)
	c := countSeverities(active)
	files := map[string]bool{}
	for _, f := range active {
		files[f.Range.File] = true
	}
	var parts []string
	if len(active) == 0 {
		parts = append(parts, "no findings")
	} else {
		var bySev []string
		for _, s := range severitiesDesc {
			if c[s] > 0 {
				bySev = append(bySev, t.p.paint(severityStyle[s], fmt.Sprintf("%d %s", c[s], s)))
			}
		}
		parts = append(parts, fmt.Sprintf("%s in %s (%s)", plural(len(active), "finding"), plural(len(files), "file"),
			strings.Join(bySev, ", ")))
	}
	if n := suppressedCount(r); n > 0 {
		parts = append(parts, fmt.Sprintf("%d suppressed", n))
	}
	if n := len(r.Errors); n > 0 {
		parts = append(parts, t.p.paint(severityStyle[result.High], plural(n, "tool error")))
	}
	if len(fs) > 0 || len(r.Errors) > 0 || len(r.Notes) > 0 {
		t.w.WriteString("\n")
	}
	t.w.WriteString(fmt.Sprintf("%s scanned: %s\n", plural(len(r.Files), "file"), strings.Join(parts, ", ")))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// sanitize keeps terminal control sequences that a file name, resource
// name or parser message may carry from reaching the terminal, and keeps
// every finding on one line.
func sanitize(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case isControl(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }
