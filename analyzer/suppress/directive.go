// Package suppress decides which findings the user asked not to see:
// inline "# shipcheck:ignore" comments, the Kubernetes annotation
// shipcheck.dev/ignore, and ignore entries of the configuration file. It
// also reports suppressions that matched nothing or have expired, so that
// stale ignores do not rot in the code.
package suppress

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// Kinds of suppression, as SARIF names them.
const (
	InSource = "inSource"
	External = "external"
)

// Rule IDs of the findings this package produces.
const (
	UnusedRule  = "SUP001"
	ExpiredRule = "SUP002"
)

// Directive is one suppression: an ignore comment, an annotation or a
// configuration entry.
type Directive struct {
	// At is where the directive is written, for SUP001/SUP002 findings.
	At source.Range
	// Rules are the rule IDs it covers, upper case.
	Rules  []string
	Reason string
	// Until is the last day the directive applies; zero means forever.
	Until time.Time
	// Target is the line an inline comment covers: its own line for a
	// trailing comment, the next line of code for a comment on its own.
	Target int
	// FileWide covers every finding of the file (shipcheck:ignore-file).
	FileWide bool
	// Kind is InSource or External.
	Kind string
	// Problem describes a malformed directive, which never applies.
	Problem string

	used bool
}

// Expired reports whether the directive no longer applies on day now.
func (d *Directive) Expired(now time.Time) bool {
	if d.Until.IsZero() {
		return false
	}
	y, m, dd := now.Date()
	today := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	return today.After(d.Until)
}

// Covers reports whether the directive names rule.
func (d *Directive) Covers(rule string) bool {
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

// Justification is what reports show as the reason of a suppression.
func (d *Directive) Justification() string {
	if d.Reason != "" {
		return d.Reason
	}
	return fmt.Sprintf("%s at %s", d.label(), d.At)
}

func (d *Directive) label() string {
	switch {
	case d.Kind == External:
		return "ignore entry"
	case d.FileWide:
		return "shipcheck:ignore-file"
	}
	return "shipcheck:ignore"
}

// marker finds an ignore comment: "#" or "//", then the keyword. The
// comment must start the line or follow a blank, so a "#" inside a word
// (a URL fragment, an image digest) is not a comment.
var marker = regexp.MustCompile(`(^|\s)(#|//)\s*shipcheck:(ignore-file|ignore)\b`)

var (
	ruleID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*[0-9]{3}$`)
	until  = regexp.MustCompile(`(?:^|\s)until=(\S*)`)
)

// Parse finds the ignore comments of a file written in a language with
// "#" or "//" comments (YAML, HCL, Dockerfile).
func Parse(file string, text []byte) []*Directive {
	if !strings.Contains(string(text), "shipcheck:ignore") {
		return nil
	}
	lines := strings.Split(string(text), "\n")
	var out []*Directive
	for i, line := range lines {
		loc := marker.FindStringSubmatchIndex(line)
		if loc == nil {
			continue
		}
		start := loc[4] // the comment sign
		d := &Directive{
			At:       source.Range{File: file, Start: source.Pos{Line: i + 1, Col: start + 1}, End: source.Pos{Line: i + 1, Col: len(line) + 1}},
			FileWide: line[loc[6]:loc[7]] == "ignore-file",
			Kind:     InSource,
			Target:   i + 1,
		}
		if strings.TrimSpace(line[:start]) == "" {
			d.Target = nextCode(lines, i+1)
		}
		parseArgs(d, strings.TrimSpace(line[loc[1]:]))
		out = append(out, d)
	}
	return out
}

// nextCode is the 1-based number of the first line from index i on that is
// not itself a comment, so stacked ignore comments all cover the same line.
// A blank line ends the search: a comment separated by one covers nothing.
func nextCode(lines []string, i int) int {
	for ; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "//") {
			return i + 1
		}
	}
	return len(lines) + 1
}

// parseArgs reads "ID[,ID...] [until=YYYY-MM-DD] [reason]".
func parseArgs(d *Directive, args string) {
	if m := until.FindStringSubmatchIndex(args); m != nil {
		date := args[m[2]:m[3]]
		t, err := time.Parse(time.DateOnly, date)
		if err != nil {
			d.Problem = fmt.Sprintf("until=%s is not a date (want until=YYYY-MM-DD)", date)
		}
		d.Until = t
		args = strings.TrimSpace(args[:m[0]] + " " + args[m[1]:])
	}
	ids, reason := splitIDs(args)
	d.Rules = ids
	d.Reason = strings.TrimSpace(strings.TrimLeft(reason, "-:— \t"))
	if len(ids) == 0 && d.Problem == "" {
		d.Problem = "names no rule ID (write shipcheck:ignore ID[,ID...] [reason])"
	}
}

// splitIDs takes the leading comma-separated rule IDs ("ECS001,ECS002" or
// "ECS001, ECS002") off args and returns them with the rest.
func splitIDs(args string) ([]string, string) {
	var ids []string
	rest := args
	for {
		rest = strings.TrimLeft(rest, " \t")
		end := strings.IndexAny(rest, ", \t")
		tok := rest
		if end >= 0 {
			tok = rest[:end]
		}
		if !ruleID.MatchString(tok) {
			return ids, rest
		}
		ids = append(ids, strings.ToUpper(tok))
		rest = rest[len(tok):]
		trimmed := strings.TrimLeft(rest, " \t")
		if !strings.HasPrefix(trimmed, ",") {
			return ids, rest
		}
		rest = trimmed[1:]
	}
}

// ParseList reads an annotation value "ID,ID [reason]" into a directive at r.
func ParseList(r source.Range, value string) *Directive {
	d := &Directive{At: r, Kind: InSource}
	parseArgs(d, strings.TrimSpace(value))
	return d
}
