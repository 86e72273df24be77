package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/internal/sarifcheck"

	"github.com/shipcheck/shipcheck/analyzer/result"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden/report")

var goldenDir = filepath.Join("..", "..", "testdata", "golden", "report")

// goldenExt is each format's golden file suffix.
var goldenExt = map[string]string{
	"text":       ".txt",
	"json":       ".json",
	"sarif":      ".sarif",
	"junit":      ".junit.xml",
	"github":     ".github.txt",
	"checkstyle": ".checkstyle.xml",
}

type goldenCase struct {
	name   string
	report func() *result.Report
	opt    Options
	// formats to write; all when empty.
	formats []string
}

func goldenCases() []goldenCase {
	base := Options{BaseDir: inputDir, ToolVersion: "1.2.3"}
	withSuppressed := base
	withSuppressed.IncludeSuppressed = true
	color := base
	color.Color = true
	return []goldenCase{
		{name: "findings", report: findingsReport, opt: base},
		{name: "clean", report: cleanReport, opt: base},
		{name: "findings-suppressed", report: findingsReport, opt: withSuppressed},
		{name: "findings-color", report: findingsReport, opt: color, formats: []string{"text"}},
		// Without a base dir, paths keep the form they were scanned with.
		{name: "findings-nobase", report: findingsReport, opt: Options{}, formats: []string{"sarif", "text"}},
	}
}

func TestGolden(t *testing.T) {
	t.Setenv(StepSummaryEnv, "") // never write into a real job summary
	for _, c := range goldenCases() {
		formats := c.formats
		if len(formats) == 0 {
			formats = FormatNames()
		}
		for _, format := range formats {
			t.Run(c.name+"/"+format, func(t *testing.T) {
				out := render(t, format, c.report(), c.opt)
				checkWellFormed(t, format, out)
				assertNoSecret(t, out)
				compareGolden(t, c.name+goldenExt[format], normalize(out, c.opt))
			})
		}
	}
}

// render writes r in format and checks what every output must satisfy.
func render(t *testing.T, format string, r *result.Report, opt Options) []byte {
	t.Helper()
	write, ok := Formats[format]
	if !ok {
		t.Fatalf("format %q is not in Formats", format)
	}
	var buf bytes.Buffer
	if err := write(&buf, r, opt); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// normalize replaces the machine-specific absolute path of the base
// directory, which SARIF's originalUriBaseIds and absolute file URIs hold.
func normalize(out []byte, opt Options) []byte {
	s := string(out)
	s = strings.ReplaceAll(s, baseDirURI(opt.BaseDir), "file:///SRCROOT/")
	s = strings.ReplaceAll(s, strings.TrimSuffix(baseDirURI(inputDir), "/"), "file:///INPUT")
	return []byte(s)
}

func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analyzer/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update after checking the diff):\n--- got\n%s", path, got)
	}
}

func assertNoSecret(t *testing.T, out []byte) {
	t.Helper()
	for _, s := range []string{awsKeySecret, passwordValue} {
		if bytes.Contains(out, []byte(s)) {
			t.Errorf("output contains the secret %q:\n%s", s, out)
		}
	}
}

// checkWellFormed validates the output against its format: SARIF against
// both SARIF 2.1.0 schemas, JSON as JSON, the XML formats as XML.
func checkWellFormed(t *testing.T, format string, out []byte) {
	t.Helper()
	switch format {
	case "sarif":
		validateSARIF(t, out)
	case "json":
		var doc struct {
			Version *int `json:"version"`
		}
		if err := json.Unmarshal(out, &doc); err != nil || doc.Version == nil || *doc.Version != JSONVersion {
			t.Errorf("json: not a version %d document (%v):\n%s", JSONVersion, err, out)
		}
	case "junit", "checkstyle":
		checkXML(t, out, map[string]string{"junit": "testsuites", "checkstyle": "checkstyle"}[format])
	}
}

// checkXML parses out completely and checks its root element.
func checkXML(t *testing.T, out []byte, root string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = true
	first := ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("malformed XML: %v\n%s", err, out)
		}
		if se, ok := tok.(xml.StartElement); ok && first == "" {
			first = se.Name.Local
		}
	}
	if first != root {
		t.Errorf("root element %q, want %q", first, root)
	}
}

// validateSARIF checks a SARIF log against both schemas and that it is
// the only thing in the stream.
func validateSARIF(t *testing.T, out []byte) {
	t.Helper()
	if err := sarifcheck.Validate(out); err != nil {
		t.Error(err)
	}
}
