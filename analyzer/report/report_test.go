package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

func TestFormatsTable(t *testing.T) {
	want := []string{"checkstyle", "github", "json", "junit", "sarif", "text"}
	if got := FormatNames(); !slices.Equal(got, want) {
		t.Errorf("FormatNames() = %v, want %v", got, want)
	}
	for _, name := range want {
		if Formats[name] == nil {
			t.Errorf("Formats[%q] is nil", name)
		}
	}
}

// sarifOf writes r as SARIF, validates it against both schemas and decodes
// it for assertions.
func sarifOf(t *testing.T, r *result.Report, opt Options) (sarifLog, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := SARIF(&buf, r, opt); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, buf.Bytes())
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	return log, buf.Bytes()
}

func TestSARIFCleanReport(t *testing.T) {
	log, out := sarifOf(t, cleanReport(), Options{})
	if !bytes.Contains(out, []byte(`"results": []`)) {
		t.Errorf("clean report must have an empty results array:\n%s", out)
	}
	if run := log.Runs[0]; !run.Invocations[0].ExecutionSuccessful || len(run.Artifacts) != 0 {
		t.Errorf("clean run: executionSuccessful=%v artifacts=%v", run.Invocations[0].ExecutionSuccessful, run.Artifacts)
	}
}

func TestSARIFResultsReferenceRulesAndArtifacts(t *testing.T) {
	log, _ := sarifOf(t, findingsReport(), Options{BaseDir: inputDir})
	run := log.Runs[0]
	if run.Invocations[0].ExecutionSuccessful {
		t.Error("executionSuccessful must be false when tool errors exist")
	}
	if n := len(run.Invocations[0].ToolExecutionNotifications); n != 2 {
		t.Errorf("got %d notifications, want 2", n)
	}
	for _, res := range run.Results {
		if rule := run.Tool.Driver.Rules[res.RuleIndex]; rule.ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d pointing at %s", res.RuleID, res.RuleIndex, rule.ID)
		}
		loc := res.Locations[0].PhysicalLocation.ArtifactLocation
		if loc.Index == nil || run.Artifacts[*loc.Index].Location.URI != loc.URI {
			t.Errorf("result %s: artifact index does not match uri %s", res.RuleID, loc.URI)
		}
		if loc.URIBaseID != srcRoot || strings.Contains(loc.URI, "..") || strings.HasPrefix(loc.URI, "/") {
			t.Errorf("result %s: uri %q (base %q) is not repository-relative", res.RuleID, loc.URI, loc.URIBaseID)
		}
		if res.Suppressions != nil {
			t.Errorf("result %s has suppressions without IncludeSuppressed", res.RuleID)
		}
		if res.RuleID == "K8S004" {
			t.Error("suppressed finding written without IncludeSuppressed")
		}
	}
}

func TestSARIFIncludeSuppressed(t *testing.T) {
	log, _ := sarifOf(t, findingsReport(), Options{BaseDir: inputDir, IncludeSuppressed: true})
	found := false
	for _, res := range log.Runs[0].Results {
		if res.RuleID != "K8S004" {
			if len(res.Suppressions) != 0 {
				t.Errorf("%s: unexpected suppressions %v", res.RuleID, res.Suppressions)
			}
			continue
		}
		found = true
		want := []sarifSuppression{{Kind: "inSource", Justification: "pinned by the release pipeline"}}
		if !slices.Equal(res.Suppressions, want) {
			t.Errorf("suppressions = %v, want %v", res.Suppressions, want)
		}
	}
	if !found {
		t.Error("suppressed finding missing with IncludeSuppressed")
	}
}

// A finding moved by an edit elsewhere in the file keeps its partial
// fingerprint, so code scanning keeps tracking the same alert.
func TestSARIFFingerprintIgnoresPosition(t *testing.T) {
	r := findingsReport()
	moved := findingsReport()
	for i := range moved.Findings {
		moved.Findings[i].Range.Start.Line += 7
		moved.Findings[i].Range.End.Line += 7
	}
	a, _ := sarifOf(t, r, Options{BaseDir: inputDir})
	b, _ := sarifOf(t, moved, Options{BaseDir: inputDir})
	for i := range a.Runs[0].Results {
		fa, fb := a.Runs[0].Results[i].PartialFingerprints, b.Runs[0].Results[i].PartialFingerprints
		if fa[fingerprintKey] == "" || fa[fingerprintKey] != fb[fingerprintKey] {
			t.Errorf("result %d: fingerprints %v and %v", i, fa, fb)
		}
	}
}

func TestSARIFPathsOutsideBaseAndStdin(t *testing.T) {
	outside, err := filepath.Abs(filepath.Join(os.TempDir(), "elsewhere", "task def.json"))
	if err != nil {
		t.Fatal(err)
	}
	r := &result.Report{
		Findings: []result.Finding{
			{RuleID: "X001", Severity: result.Low, Message: "m", Range: source.Range{File: outside, Start: source.Pos{Line: 2, Col: 3}}},
			{RuleID: "X001", Severity: result.Low, Message: "m", Range: source.Range{File: "-", Start: source.Pos{Line: 1, Col: 1}, End: source.Pos{Line: 1, Col: 5}}},
		},
	}
	log, _ := sarifOf(t, r, Options{BaseDir: inputDir})
	uris := map[string]string{}
	for _, a := range log.Runs[0].Artifacts {
		uris[a.Location.URI] = a.Location.URIBaseID
	}
	wantOutside := fileURI(outside)
	if base, ok := uris[wantOutside]; !ok || base != "" || !strings.HasPrefix(wantOutside, "file:///") || !strings.Contains(wantOutside, "task%20def.json") {
		t.Errorf("file outside the base dir: artifacts %v, want absolute %s without uriBaseId", uris, wantOutside)
	}
	if _, ok := uris["stdin"]; !ok {
		t.Errorf("stdin artifact missing: %v", uris)
	}
	if log.Runs[0].OriginalURIBaseIDs != nil {
		t.Errorf("originalUriBaseIds written although no URI uses it: %v", log.Runs[0].OriginalURIBaseIDs)
	}
}

func TestSARIFRegion(t *testing.T) {
	pos := func(l, c int) source.Pos { return source.Pos{Line: l, Col: c} }
	tests := []struct {
		name       string
		start, end source.Pos
		want       sarifRegion
	}{
		{"span on one line", pos(3, 5), pos(3, 9), sarifRegion{3, 5, 3, 9}},
		{"empty span grows to one character", pos(3, 5), pos(3, 5), sarifRegion{3, 5, 3, 6}},
		{"end before start is dropped", pos(3, 5), pos(2, 1), sarifRegion{3, 5, 0, 0}},
		{"no end: to the end of the line", pos(3, 5), pos(0, 0), sarifRegion{3, 5, 0, 0}},
		{"multi-line", pos(3, 5), pos(6, 2), sarifRegion{3, 5, 6, 2}},
		{"ends at the start of the next line", pos(3, 5), pos(4, 1), sarifRegion{3, 5, 0, 0}},
		{"ends at the start of a later line", pos(3, 5), pos(6, 1), sarifRegion{3, 5, 5, 0}},
		{"line without column", pos(3, 0), pos(0, 0), sarifRegion{3, 0, 0, 0}},
		{"unknown position", pos(0, 0), pos(0, 0), sarifRegion{1, 0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := region(source.Range{Start: tt.start, End: tt.end}); *got != tt.want {
				t.Errorf("region = %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestSemanticVersion(t *testing.T) {
	for in, want := range map[string]string{"1.2.3": "1.2.3", "v1.2.3": "1.2.3", "v1.2.3-rc.1": "1.2.3-rc.1", "dev": "", "": "", "abc123": ""} {
		if got := semanticVersion(in); got != want {
			t.Errorf("semanticVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	r := &result.Report{Findings: []result.Finding{{
		RuleID: "X,1:2", Severity: result.Medium, Message: "100% bad\r\nsecond line: a, b",
		Range: source.Range{File: "dir,a/b:c%.yaml", Start: source.Pos{Line: 2, Col: 3}, End: source.Pos{Line: 2, Col: 4}},
	}}}
	t.Setenv(StepSummaryEnv, "")
	var buf bytes.Buffer
	if err := GitHub(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=dir%2Ca/b%3Ac%25.yaml,line=2,col=3,endLine=2,endColumn=4,title=X%2C1%3A2::100%25 bad%0D%0Asecond line: a, b\n"
	if got := buf.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestGitHubLevels(t *testing.T) {
	want := map[result.Severity]string{result.Critical: "error", result.High: "error", result.Medium: "warning", result.Low: "notice", result.Info: "notice"}
	for sev, cmd := range want {
		got := githubAnnotation(result.Finding{RuleID: "X", Severity: sev, Range: source.Range{File: "f", Start: source.Pos{Line: 1}}}, Options{})
		if !strings.HasPrefix(got, "::"+cmd+" ") {
			t.Errorf("%s: %q", sev, got)
		}
	}
}

func TestGitHubStepSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(path, []byte("earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(StepSummaryEnv, path)
	var buf bytes.Buffer
	if err := GitHub(&buf, findingsReport(), Options{BaseDir: inputDir}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(got, []byte("earlier step\n")) {
		t.Errorf("summary was not appended:\n%s", got)
	}
	if !bytes.Contains(buf.Bytes(), []byte("::error file=infra/task.json,line=8")) {
		t.Errorf("annotations missing from stdout:\n%s", buf.Bytes())
	}
	if bytes.Contains(buf.Bytes(), []byte("## ")) {
		t.Errorf("job summary leaked into stdout:\n%s", buf.Bytes())
	}
	assertNoSecret(t, got)
	compareGolden(t, "findings.step-summary.md", got)
}

func TestMarkdownCellEscaping(t *testing.T) {
	if got, want := mdCell("a|b\n<script>`x` **y** \\"), "a\\|b &lt;script&gt;\\`x\\` \\*\\*y\\*\\* \\\\"; got != want {
		t.Errorf("mdCell = %q, want %q", got, want)
	}
	if got, want := mdCode("a`b|c"), "`a'b\\|c`"; got != want {
		t.Errorf("mdCode = %q, want %q", got, want)
	}
}

// XML formats stay well-formed whatever a message holds.
func TestXMLEscaping(t *testing.T) {
	r := &result.Report{
		Findings: []result.Finding{{
			RuleID: "X001", Severity: result.High, Message: "a <b> & \"c\" ]]> \x1b[31m \x00 end",
			Range: source.Range{File: "we<ird>&.yaml", Start: source.Pos{Line: 1, Col: 1}},
		}},
		Errors: []result.ToolError{{Range: source.Range{File: "x.json", Start: source.Pos{Line: 2}}, Message: "bad \x01 <input>"}},
	}
	for format, root := range map[string]string{"junit": "testsuites", "checkstyle": "checkstyle"} {
		out := render(t, format, r, Options{})
		checkXML(t, out, root)
	}
}

func TestJSONSummaryAndSuppressed(t *testing.T) {
	for _, include := range []bool{false, true} {
		out := render(t, "json", findingsReport(), Options{IncludeSuppressed: include})
		var doc jsonDoc
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Summary.Findings != 8 || doc.Summary.Suppressed != 1 || doc.Summary.Errors != 2 || doc.Summary.FilesScanned != 4 {
			t.Errorf("include=%v: summary %+v", include, doc.Summary)
		}
		if got, want := len(doc.Findings), map[bool]int{false: 8, true: 9}[include]; got != want {
			t.Errorf("include=%v: %d findings listed, want %d", include, got, want)
		}
	}
	out := render(t, "json", cleanReport(), Options{})
	if !bytes.Contains(out, []byte(`"findings": []`)) || !bytes.Contains(out, []byte(`"errors": []`)) {
		t.Errorf("clean JSON must have empty arrays:\n%s", out)
	}
}

// The summary counts suppressions whether the pipeline keeps suppressed
// findings in the report or only counts them.
func TestSuppressedCount(t *testing.T) {
	r := findingsReport()
	r.Suppressed = 0
	if got := suppressedCount(r); got != 1 {
		t.Errorf("kept in Findings: got %d, want 1", got)
	}
	r = cleanReport()
	r.Suppressed = 3
	if got := suppressedCount(r); got != 3 {
		t.Errorf("counted only: got %d, want 3", got)
	}
}

// The pipeline reports a tool error also as an ERR001 finding, at line 1
// when the error has no line; line-oriented formats show it once.
func TestToolErrorShownOnceInLineFormats(t *testing.T) {
	t.Setenv(StepSummaryEnv, "")
	r := &result.Report{
		Files:    []string{"big.json", "ok.json"},
		Errors:   []result.ToolError{{Range: source.Range{File: "big.json"}, Message: "big.json: file too large"}, {Range: source.Range{File: "ok.json", Start: source.Pos{Line: 3}}, Message: "other"}},
		Findings: []result.Finding{{RuleID: "ERR001", Severity: result.High, Message: "big.json: file too large", Range: at("big.json", 1, 1, 1, 1)}},
	}
	for format, count := range map[string]string{"github": "file too large", "checkstyle": "file too large", "junit": "<testcase"} {
		out := string(render(t, format, r, Options{}))
		want := map[string]int{"github": 1, "checkstyle": 1, "junit": 2}[format] // junit: the ERR001 case and the "other" error
		if got := strings.Count(out, count); got != want {
			t.Errorf("%s: %q appears %d times, want %d:\n%s", format, count, got, want, out)
		}
	}
}

func TestSnippetsAsCode(t *testing.T) {
	in := "Add a healthCheck.\n\nJSON:\n  \"healthCheck\": {\n    \"command\": [\"CMD\"]\n  }\n\nTerraform:\n  healthCheck = {}\nDone."
	want := "Add a healthCheck.\n\nJSON:\n```\n\"healthCheck\": {\n  \"command\": [\"CMD\"]\n}\n```\n\nTerraform:\n```\nhealthCheck = {}\n```\nDone."
	if got := snippetsAsCode(in); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	fenced := "Use:\n```yaml\n  a: b\n```"
	if got := snippetsAsCode(fenced); got != fenced {
		t.Errorf("fenced text changed: %q", got)
	}
}

// Notes (an unrendered Helm chart) reach people, JSON, SARIF and GitHub
// without counting as tool errors.
func TestNotesAreReported(t *testing.T) {
	t.Setenv(StepSummaryEnv, "")
	r := cleanReport()
	msg := "Helm chart templates are not rendered, so they were not scanned"
	r.Notes = []result.ToolError{{Range: source.Range{File: "charts/web"}, Message: msg}}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		out := render(t, format, r, Options{})
		if !bytes.Contains(out, []byte(msg)) {
			t.Errorf("%s: note missing:\n%s", format, out)
		}
	}
	var doc jsonDoc
	if err := json.Unmarshal(render(t, "json", r, Options{}), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Notes) != 1 || doc.Notes[0].File != "charts/web" || doc.Summary.Errors != 0 {
		t.Errorf("json notes %+v, summary %+v", doc.Notes, doc.Summary)
	}
	sarif := string(render(t, "sarif", r, Options{}))
	if !strings.Contains(sarif, `"level": "note"`) || !strings.Contains(sarif, `"executionSuccessful": true`) {
		t.Errorf("sarif: note must not fail the run:\n%s", sarif)
	}
	if gh := string(render(t, "github", r, Options{})); !strings.HasPrefix(gh, "::notice file=charts/web::") {
		t.Errorf("github: %q", gh)
	}
}
