package report

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/result"
)

type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Skipped  int          `xml:"skipped,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Skipped  int         `xml:"skipped,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		ClassName string        `xml:"classname,attr"`
		File      string        `xml:"file,attr,omitempty"`
		Line      int           `xml:"line,attr,omitempty"`
		Failure   *junitProblem `xml:"failure,omitempty"`
		Error     *junitProblem `xml:"error,omitempty"`
		Skipped   *junitProblem `xml:"skipped,omitempty"`
	}
	junitProblem struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr,omitempty"`
		Text    string `xml:",chardata"`
	}
)

// passedCase names the test case of a file no rule found anything in.
const passedCase = "shipcheck"

// JUnit writes a JUnit XML report: a test suite per file, a test case per
// rule with findings in that file (failing, listing each finding as
// "file:line:col: SEVERITY message"), a passing case for a clean file and
// an error case for a tool error. Suppressed findings, when included, make
// a skipped case.
func JUnit(w io.Writer, r *result.Report, opt Options) error {
	findings := visible(r, opt)
	doc := junitSuites{Name: tool(r, opt).Name}
	bySuite := map[string]*junitSuite{}
	suite := func(file string) *junitSuite {
		name := cmp.Or(displayPath(file, opt), passedCase)
		if s, ok := bySuite[name]; ok {
			return s
		}
		s := &junitSuite{Name: name}
		bySuite[name] = s
		return s
	}
	for _, f := range r.Files {
		suite(f)
	}
	rules := ruleTable(r)
	for _, group := range groupByFileAndRule(findings, opt) {
		s := suite(group[0].Range.File)
		s.Cases = append(s.Cases, ruleCase(group, rules[group[0].RuleID], s.Name, opt))
	}
	for _, e := range standaloneErrors(r, findings, opt) {
		s := suite(e.Range.File)
		s.Cases = append(s.Cases, junitCase{
			Name: "tool error", ClassName: s.Name, File: displayPath(e.Range.File, opt), Line: e.Range.Start.Line,
			Error: &junitProblem{Message: e.Message, Type: "error", Text: errorLine(e, opt)},
		})
	}
	for _, name := range sortedKeys(bySuite) {
		s := bySuite[name]
		if len(s.Cases) == 0 {
			s.Cases = []junitCase{{Name: passedCase, ClassName: name, File: name}}
		}
		s.tally()
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
		doc.Suites = append(doc.Suites, *s)
	}
	return writeXML(w, doc, "junit")
}

func (s *junitSuite) tally() {
	s.Tests = len(s.Cases)
	for _, c := range s.Cases {
		switch {
		case c.Failure != nil:
			s.Failures++
		case c.Error != nil:
			s.Errors++
		case c.Skipped != nil:
			s.Skipped++
		}
	}
}

// groupByFileAndRule splits sorted findings into runs of one rule in one
// file, ordered by file then rule.
func groupByFileAndRule(fs []result.Finding, opt Options) [][]result.Finding {
	sorted := slices.Clone(fs)
	slices.SortStableFunc(sorted, func(a, b result.Finding) int {
		return cmp.Or(cmp.Compare(displayPath(a.Range.File, opt), displayPath(b.Range.File, opt)), cmp.Compare(a.RuleID, b.RuleID))
	})
	var groups [][]result.Finding
	for i, f := range sorted {
		if i == 0 || f.Range.File != sorted[i-1].Range.File || f.RuleID != sorted[i-1].RuleID {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], f)
	}
	return groups
}

// ruleCase is the test case of one rule in one file: a failure listing its
// unsuppressed findings, or skipped when all of them are suppressed.
func ruleCase(group []result.Finding, rule *result.Rule, suite string, opt Options) junitCase {
	name := group[0].RuleID
	if rule != nil && rule.Title != "" {
		name += ": " + rule.Title
	}
	c := junitCase{Name: name, ClassName: suite, File: suite, Line: group[0].Range.Start.Line}
	active := unsuppressed(group)
	if len(active) == 0 {
		c.Skipped = &junitProblem{Message: fmt.Sprintf("suppressed: %s", plural(len(group), "finding"))}
		return c
	}
	var text strings.Builder
	worst := active[0].Severity
	for _, f := range active {
		fmt.Fprintf(&text, "%s: %s %s\n", findingLocation(f, opt), strings.ToUpper(f.Severity.String()), f.Message)
		worst = max(worst, f.Severity)
	}
	msg := active[0].Message
	if len(active) > 1 {
		msg = fmt.Sprintf("%s of %s", plural(len(active), "finding"), group[0].RuleID)
	}
	c.Failure = &junitProblem{Message: msg, Type: worst.String(), Text: strings.TrimSuffix(text.String(), "\n")}
	return c
}

// findingLocation is "path:line:col" of a finding, for the XML formats.
func findingLocation(f result.Finding, opt Options) string {
	return fmt.Sprintf("%s:%d:%d", displayPath(f.Range.File, opt), f.Range.Start.Line, f.Range.Start.Col)
}

func errorLine(e result.ToolError, opt Options) string {
	return fmt.Sprintf("%s:%d: %s", displayPath(e.Range.File, opt), e.Range.Start.Line, e.Message)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// writeXML writes doc indented by two spaces after an XML declaration.
func writeXML(w io.Writer, doc any, format string) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
