package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/semver"

	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// The subset of SARIF 2.1.0 shipcheck writes. Field order follows the
// specification so the output reads like other tools' logs.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		Invocations        []sarifInvocation           `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
		Artifacts          []sarifArtifact             `json:"artifacts,omitempty"`
		Results            []sarifResult               `json:"results"`
		ColumnKind         string                      `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string                `json:"name"`
		Version         string                `json:"version,omitempty"`
		SemanticVersion string                `json:"semanticVersion,omitempty"`
		InformationURI  string                `json:"informationUri,omitempty"`
		Rules           []sarifReportingDescr `json:"rules"`
	}
	sarifReportingDescr struct {
		ID                   string             `json:"id"`
		Name                 string             `json:"name,omitempty"`
		ShortDescription     *sarifMessage      `json:"shortDescription,omitempty"`
		FullDescription      *sarifMessage      `json:"fullDescription,omitempty"`
		Help                 *sarifMessage      `json:"help,omitempty"`
		HelpURI              string             `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
		Properties           map[string]any     `json:"properties,omitempty"`
	}
	sarifConfiguration struct {
		Enabled bool   `json:"enabled"`
		Level   string `json:"level"`
	}
	sarifMessage struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
	sarifArtifact struct {
		Location sarifArtifactLoc `json:"location"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
		Index     *int   `json:"index,omitempty"`
	}
	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               string             `json:"level"`
		Message             sarifMessage       `json:"message"`
		Locations           []sarifLocation    `json:"locations"`
		PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
		BaselineState       string             `json:"baselineState,omitempty"`
		Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
		Properties          map[string]any     `json:"properties,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           *sarifRegion     `json:"region,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification,omitempty"`
	}
)

const (
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// srcRoot is the uriBaseId of every repository-relative URI; GitHub code
	// scanning resolves it to the checkout.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names shipcheck's partial fingerprint; bump the
	// version when Finding.Fingerprint changes how it is computed.
	fingerprintKey = "shipcheck/v1"
)

// SARIF writes the report as a SARIF 2.1.0 log with one run. Suppressed
// findings are written only with Options.IncludeSuppressed, then with their
// suppressions; tool errors become toolExecutionNotifications and make the
// invocation unsuccessful. No code snippets are written, so a secret in the
// source never reaches the log.
func SARIF(w io.Writer, r *result.Report, opt Options) error {
	log := sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{buildRun(r, opt)}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	return nil
}

// runBuilder accumulates a run's rules and artifacts while results refer
// to them by index.
type runBuilder struct {
	opt       Options
	rules     []sarifReportingDescr
	ruleIndex map[string]int
	known     map[string]*result.Rule
	artifacts map[string]int // uri -> index in the final, sorted list
	uris      []sarifArtifactLoc
	usesRoot  bool
}

func buildRun(r *result.Report, opt Options) sarifRun {
	b := &runBuilder{opt: opt, ruleIndex: map[string]int{}, known: ruleTable(r), artifacts: map[string]int{}}
	for i := range r.Rules {
		b.addRule(&r.Rules[i])
	}
	findings := visible(r, opt)
	b.collectArtifacts(findings, r.Errors)
	results := make([]sarifResult, 0, len(findings))
	for _, f := range findings {
		results = append(results, b.result(f))
	}
	t := tool(r, opt)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            t.Name,
			Version:         t.Version,
			SemanticVersion: semanticVersion(t.Version),
			InformationURI:  t.URI,
			Rules:           b.rules,
		}},
		Invocations: []sarifInvocation{b.invocation(r.Errors, r.Notes)},
		Artifacts:   b.artifactList(),
		Results:     results,
		ColumnKind:  "unicodeCodePoints",
	}
	if b.usesRoot {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: baseDirURI(opt.BaseDir)}}
	}
	return run
}

// semanticVersion returns v without a leading "v" when it is a semantic
// version, and "" for development builds ("dev", a commit hash).
func semanticVersion(v string) string {
	if v == "" {
		return ""
	}
	if !strings.HasPrefix(v, "v") {
		v = "v" + v
	}
	if !semver.IsValid(v) {
		return ""
	}
	return strings.TrimPrefix(v, "v")
}

// addRule appends a reporting descriptor. Findings of a rule the report
// does not describe (ERR001 from the pipeline, a removed custom rule) get a
// minimal descriptor so every result has a valid ruleIndex.
func (b *runBuilder) addRule(rule *result.Rule) int {
	if i, ok := b.ruleIndex[rule.ID]; ok {
		return i
	}
	b.ruleIndex[rule.ID] = len(b.rules)
	b.rules = append(b.rules, ruleDescriptor(rule))
	return len(b.rules) - 1
}

func (b *runBuilder) ruleFor(f result.Finding) int {
	if i, ok := b.ruleIndex[f.RuleID]; ok {
		return i
	}
	rule := result.Rule{ID: f.RuleID, Name: f.RuleID, Title: f.RuleID, Severity: f.Severity, Enabled: true}
	if f.RuleID == parseErrorRule {
		rule.Name, rule.Title = "parse-error", "File could not be parsed"
		rule.Description = "A file that looked like a supported input could not be parsed, so no rule was evaluated on it."
		rule.Remediation = "Fix the syntax error at the reported line, or exclude the file from the scan."
	}
	return b.addRule(&rule)
}

// securityTag is added to every rule: GitHub code scanning reads
// security-severity only from rules tagged "security".
const securityTag = "security"

func ruleDescriptor(rule *result.Rule) sarifReportingDescr {
	tags := append([]string(nil), rule.Tags...)
	if !slices.Contains(tags, securityTag) {
		tags = append(tags, securityTag)
	}
	d := sarifReportingDescr{
		ID:                   rule.ID,
		Name:                 rule.Name,
		DefaultConfiguration: sarifConfiguration{Enabled: rule.Enabled, Level: rule.Severity.SARIFLevel()},
		Properties: map[string]any{
			"tags":             tags,
			"precision":        "high",
			"problem.severity": problemSeverity(rule.Severity),
		},
	}
	if score := rule.Severity.SecuritySeverity(); score != "" {
		d.Properties["security-severity"] = score
	}
	if rule.Title != "" {
		d.ShortDescription = &sarifMessage{Text: rule.Title}
	}
	if desc := cmp.Or(rule.Description, rule.Title); desc != "" {
		d.FullDescription = &sarifMessage{Text: desc}
	}
	if text, md := ruleHelp(rule); text != "" {
		d.Help = &sarifMessage{Text: text, Markdown: md}
	}
	if len(rule.Links) > 0 {
		d.HelpURI = rule.Links[0]
	}
	return d
}

// problemSeverity is the CodeQL-style severity some SARIF viewers sort by.
func problemSeverity(s result.Severity) string {
	return map[string]string{"error": "error", "warning": "warning", "note": "recommendation"}[s.SARIFLevel()]
}

// ruleHelp renders a rule's why, how-to-fix and links as plain text and as
// Markdown.
func ruleHelp(rule *result.Rule) (text, md string) {
	var t, m strings.Builder
	if rule.Description != "" {
		t.WriteString(rule.Description + "\n")
		m.WriteString(rule.Description + "\n")
	}
	if rule.Remediation != "" {
		t.WriteString("\nHow to fix:\n" + rule.Remediation + "\n")
		m.WriteString("\n## How to fix\n\n" + snippetsAsCode(rule.Remediation) + "\n")
	}
	if len(rule.Links) > 0 {
		t.WriteString("\nReferences:\n")
		m.WriteString("\n## References\n\n")
		for _, l := range rule.Links {
			t.WriteString("- " + l + "\n")
			m.WriteString("- <" + l + ">\n")
		}
	}
	return strings.TrimSpace(t.String()), strings.TrimSpace(m.String())
}

// snippetsAsCode turns the indented snippets of a rule's remediation (the
// METADATA convention: a "JSON:" line, then the snippet indented) into
// fenced code blocks, which Markdown would otherwise reflow into the
// surrounding paragraph. Text that already has fences is left alone.
func snippetsAsCode(text string) string {
	if strings.Contains(text, "```") {
		return text
	}
	lines := strings.Split(text, "\n")
	var out []string
	for i := 0; i < len(lines); {
		if !isIndented(lines[i]) {
			out = append(out, lines[i])
			i++
			continue
		}
		j := i
		for j < len(lines) && (isIndented(lines[j]) || strings.TrimSpace(lines[j]) == "" && j+1 < len(lines) && isIndented(lines[j+1])) {
			j++
		}
		out = append(out, "```")
		out = append(out, dedent(lines[i:j])...)
		out = append(out, "```")
		i = j
	}
	return strings.Join(out, "\n")
}

func isIndented(line string) bool {
	return strings.TrimSpace(line) != "" && (strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "\t"))
}

// dedent removes the indentation the lines share.
func dedent(lines []string) []string {
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if common < 0 || n < common {
			common = n
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if len(l) >= common && common > 0 {
			out[i] = l[common:]
		} else {
			out[i] = strings.TrimLeft(l, " \t")
		}
	}
	return out
}

// collectArtifacts assigns artifact indexes in URI order, so the same
// findings always produce the same log.
func (b *runBuilder) collectArtifacts(fs []result.Finding, errs []result.ToolError) {
	seen := map[string]sarifArtifactLoc{}
	add := func(file string) {
		loc := b.artifactLocation(file)
		seen[loc.URI] = loc
	}
	for _, f := range fs {
		add(f.Range.File)
	}
	for _, e := range errs {
		add(e.Range.File)
	}
	for _, loc := range seen {
		b.uris = append(b.uris, loc)
	}
	slices.SortFunc(b.uris, func(x, y sarifArtifactLoc) int { return cmp.Compare(x.URI, y.URI) })
	for i, loc := range b.uris {
		b.artifacts[loc.URI] = i
	}
}

func (b *runBuilder) artifactList() []sarifArtifact {
	out := make([]sarifArtifact, len(b.uris))
	for i, loc := range b.uris {
		out[i] = sarifArtifact{Location: loc}
	}
	return out
}

// artifactLocation turns a scanned path into a SARIF URI: relative to
// BaseDir under %SRCROOT% when the file lies inside it (or when both are
// relative and no BaseDir is set), else an absolute file URI.
func (b *runBuilder) artifactLocation(file string) sarifArtifactLoc {
	switch {
	case file == "" || isStdin(file):
		return sarifArtifactLoc{URI: "stdin"}
	case b.opt.BaseDir != "":
		if rel, ok := relativeTo(file, b.opt.BaseDir); ok {
			b.usesRoot = true
			return sarifArtifactLoc{URI: escapePath(rel), URIBaseID: srcRoot}
		}
	case !filepath.IsAbs(file) && !strings.HasPrefix(filepath.Clean(file), ".."):
		b.usesRoot = true
		return sarifArtifactLoc{URI: escapePath(filepath.ToSlash(filepath.Clean(file))), URIBaseID: srcRoot}
	}
	return sarifArtifactLoc{URI: fileURI(file)}
}

// located returns the artifact location of file with its index.
func (b *runBuilder) located(file string) sarifArtifactLoc {
	loc := b.artifactLocation(file)
	i := b.artifacts[loc.URI]
	loc.Index = &i
	return loc
}

// escapePath percent-encodes a slash-separated relative path as a URI
// reference, keeping the slashes.
func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// fileURI is the absolute file: URI of a path.
func fileURI(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	abs = filepath.ToSlash(abs)
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs // Windows drive letters: file:///C:/x
	}
	return (&url.URL{Scheme: "file", Path: abs}).String()
}

// baseDirURI is the absolute URI %SRCROOT% stands for; it ends in a slash
// as SARIF requires. Without a BaseDir, relative paths were relative to the
// working directory.
func baseDirURI(base string) string {
	u := fileURI(cmp.Or(base, "."))
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

func (b *runBuilder) result(f result.Finding) sarifResult {
	res := sarifResult{
		RuleID:    f.RuleID,
		RuleIndex: b.ruleFor(f),
		Level:     f.Severity.SARIFLevel(),
		Message:   sarifMessage{Text: f.Message},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: b.located(f.Range.File),
			Region:           region(f.Range),
		}}},
		BaselineState: f.Baseline,
		Properties:    findingProperties(f),
	}
	if f.Fingerprint != "" {
		res.PartialFingerprints = map[string]string{fingerprintKey: f.Fingerprint}
	}
	if b.opt.IncludeSuppressed {
		res.Suppressions = []sarifSuppression{}
		if s := f.Suppression; s != nil {
			res.Suppressions = append(res.Suppressions, sarifSuppression{Kind: suppressionKind(s.Kind), Justification: s.Justification})
		}
	}
	return res
}

// suppressionKind keeps the kind within SARIF's enumeration: anything but
// an ignore comment in the scanned file is external.
func suppressionKind(k string) string {
	if k == "inSource" {
		return k
	}
	return "external"
}

func findingProperties(f result.Finding) map[string]any {
	p := map[string]any{"severity": f.Severity.String()}
	if f.Resource != "" {
		p["resource"] = f.Resource
	}
	if f.Kind != "" {
		p["kind"] = f.Kind
	}
	return p
}

// region converts a range to a SARIF region (1-based, end column
// exclusive). An unknown position points at line 1, since code scanning
// needs a line; an end that is missing or not after the start is dropped,
// which SARIF reads as "to the end of the start line", and an empty span
// grows to one character so editors can show it.
func region(r source.Range) *sarifRegion {
	if r.Start.Line < 1 {
		return &sarifRegion{StartLine: 1}
	}
	reg := &sarifRegion{StartLine: r.Start.Line}
	if r.Start.Col >= 1 {
		reg.StartColumn = r.Start.Col
	}
	end := r.End
	if end.Line > r.Start.Line && end.Col == 1 {
		// A span that ends at the start of a line ends with the line before.
		return withEndLine(reg, end.Line-1)
	}
	switch {
	case end.Line < r.Start.Line:
		return reg
	case end.Line > r.Start.Line:
		reg.EndLine = end.Line
		if end.Col >= 1 {
			reg.EndColumn = end.Col
		}
	case reg.StartColumn == 0:
		return reg
	default: // same line
		reg.EndLine = end.Line
		reg.EndColumn = max(end.Col, reg.StartColumn+1)
	}
	return reg
}

func withEndLine(reg *sarifRegion, line int) *sarifRegion {
	if line > reg.StartLine {
		reg.EndLine = line
	}
	return reg
}

// invocation reports tool errors as error notifications, which make the
// run unsuccessful, and notes as note notifications, which do not.
func (b *runBuilder) invocation(errs, notes []result.ToolError) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(errs) == 0}
	for _, e := range sortedErrors(errs, b.opt) {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, b.notification("error", e))
	}
	for _, n := range sortedErrors(notes, b.opt) {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, b.notification("note", n))
	}
	return inv
}

func (b *runBuilder) notification(level string, e result.ToolError) sarifNotification {
	n := sarifNotification{Level: level, Message: sarifMessage{Text: e.Message}}
	if e.Range.File != "" {
		loc := sarifPhysicalLocation{ArtifactLocation: b.located(e.Range.File)}
		if e.Range.Start.Line >= 1 {
			loc.Region = &sarifRegion{StartLine: e.Range.Start.Line}
			if e.Range.Start.Col >= 1 {
				loc.Region.StartColumn = e.Range.Start.Col
			}
		}
		n.Locations = []sarifLocation{{PhysicalLocation: loc}}
	}
	return n
}
