package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func textOf(t *testing.T, r *result.Report, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Text(&buf, r, opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func at(file string, line, col, endLine, endCol int) source.Range {
	return source.Range{File: file, Start: source.Pos{Line: line, Col: col}, End: source.Pos{Line: endLine, Col: endCol}}
}

// Minified JSON puts every finding on line 1: the excerpt of an unrelated
// finding must not show the secret another (even suppressed) finding
// reported on that line.
func TestTextMasksSecretsOnSharedLine(t *testing.T) {
	const key, token = "AKIAIOSFODNN7EXAMPLE", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"
	line := `{"family":"web","containerDefinitions":[{"name":"app","image":"nginx","environment":[{"name":"K","value":"` + key +
		`"},{"name":"GH","value":"` + token + `"}],"privileged":true}]}`
	file := writeTemp(t, "task.json", line+"\n")
	col := func(s string) int { return strings.Index(line, s) + 1 }
	r := &result.Report{
		Files: []string{file},
		Findings: []result.Finding{
			{RuleID: "ECS006", Severity: result.High, Message: "privileged", Range: at(file, 1, col(`true`), 1, col(`true`)+4)},
			{RuleID: "ECS001", Severity: result.Medium, Message: "no health check", Range: at(file, 1, col(`{"name":"app"`), 1, len(line))},
			{RuleID: "ECS002", Severity: result.Critical, Message: "key", Range: at(file, 1, col(`"`+key), 1, col(`"`+key)+len(key)+2)},
			{RuleID: "ECS002", Severity: result.High, Message: "token", Range: at(file, 1, col(`"`+token), 1, col(`"`+token)+len(token)+2),
				Suppression: &result.Suppression{Kind: "inSource"}},
		},
	}
	for _, opt := range []Options{{}, {IncludeSuppressed: true}, {Color: true}} {
		out := textOf(t, r, opt)
		for _, secret := range []string{key, token, key[4:12], token[4:12]} {
			if strings.Contains(out, secret) {
				t.Errorf("%+v: output shows %q:\n%s", opt, secret, out)
			}
		}
		if !strings.Contains(out, `"value":"********************"`) {
			t.Errorf("%+v: masked value not shown in place:\n%s", opt, out)
		}
	}
}

// A secret spanning lines (a PEM key in a YAML block scalar) is masked on
// every line, also where another finding's excerpt shows a middle line.
func TestTextMasksMultiLineSecret(t *testing.T) {
	src := "env:\n  - name: KEY\n    value: |\n      -----BEGIN RSA PRIVATE KEY-----\n      MIIEowIBAAKCAQEAsecretsecret\n      -----END RSA PRIVATE KEY-----\n"
	file := writeTemp(t, "pod.yaml", src)
	r := &result.Report{Findings: []result.Finding{
		{RuleID: "K8S003", Severity: result.Critical, Message: "private key", Range: at(file, 3, 12, 7, 1)},
		{RuleID: "K8S099", Severity: result.Low, Message: "something on line 5", Range: at(file, 5, 7, 5, 10)},
		{RuleID: "K8S098", Severity: result.Low, Message: "something at line 4", Range: at(file, 4, 0, 0, 0)},
	}}
	out := textOf(t, r, Options{})
	for _, s := range []string{"MIIE", "secret", "BEGIN", "PRIVATE"} {
		if strings.Contains(out, s) {
			t.Errorf("output shows %q:\n%s", s, out)
		}
	}
}

// Custom rules tagged "secrets" are masked like the built-in secret rules.
func TestTextMasksTaggedCustomRule(t *testing.T) {
	file := writeTemp(t, "Dockerfile", "FROM alpine\nENV TOKEN=s3cr3t-v4lu3-abcdef\n")
	r := &result.Report{
		Rules:    []result.Rule{{ID: "CUSTOM1", Title: "t", Severity: result.High, Tags: []string{"Secrets"}}},
		Findings: []result.Finding{{RuleID: "CUSTOM1", Severity: result.High, Message: "m", Range: at(file, 2, 5, 2, 31)}},
	}
	if out := textOf(t, r, Options{}); strings.Contains(out, "s3cr3t") || !strings.Contains(out, "ENV ***") {
		t.Errorf("custom secret rule not masked:\n%s", out)
	}
}

func TestTextExcerptSkippedWhenUnreadable(t *testing.T) {
	r := &result.Report{
		Files: []string{"-", "missing.yaml"},
		Findings: []result.Finding{
			{RuleID: "K8S001", Severity: result.Low, Message: "from stdin", Range: at("-", 3, 1, 3, 4)},
			{RuleID: "K8S001", Severity: result.Low, Message: "gone", Range: at(filepath.Join(t.TempDir(), "missing.yaml"), 3, 1, 3, 4)},
		},
	}
	out := textOf(t, r, Options{})
	if strings.Contains(out, " | ") {
		t.Errorf("excerpt printed for an unreadable file:\n%s", out)
	}
	if !strings.Contains(out, "-:3:1  LOW") {
		t.Errorf("stdin finding missing:\n%s", out)
	}
}

// Long lines are cut to a window that keeps the span in view.
func TestTextLongLineWindow(t *testing.T) {
	line := strings.Repeat("a", 500) + "TARGET" + strings.Repeat("b", 500)
	file := writeTemp(t, "long.json", line)
	r := &result.Report{Findings: []result.Finding{{RuleID: "X", Severity: result.Low, Message: "m", Range: at(file, 1, 501, 1, 507)}}}
	out := textOf(t, r, Options{})
	lines := strings.Split(out, "\n")
	if len(lines) < 3 || !strings.Contains(lines[1], "TARGET") || len([]rune(lines[1])) > maxExcerptWidth+20 {
		t.Fatalf("bad window:\n%s", out)
	}
	if runeIndex(lines[1], "TARGET") != runeIndex(lines[2], "^^^^^^") {
		t.Errorf("carets not under the span:\n%s", out)
	}
}

func runeIndex(s, sub string) int { return len([]rune(s[:strings.Index(s, sub)])) }

// Tabs are expanded in the excerpt and the carets follow.
func TestTextTabAlignment(t *testing.T) {
	file := writeTemp(t, "Dockerfile", "RUN\tapt-get install -y curl\n")
	r := &result.Report{Findings: []result.Finding{{RuleID: "DKR004", Severity: result.Low, Message: "m", Range: at(file, 1, 5, 1, 12)}}}
	lines := strings.Split(textOf(t, r, Options{}), "\n")
	if runeIndex(lines[1], "apt-get") != runeIndex(lines[2], "^^^^^^^") {
		t.Errorf("carets not under the span:\n%s\n%s", lines[1], lines[2])
	}
}

// Control characters in messages, names and file contents never reach the
// terminal.
func TestTextSanitizesControlCharacters(t *testing.T) {
	file := writeTemp(t, "x.yaml", "name: \x1b[2Jevil\n")
	r := &result.Report{
		Findings: []result.Finding{{RuleID: "X", Severity: result.Low, Message: "bad \x1b]0;title\x07 name\nnext", Range: at(file, 1, 7, 1, 12)}},
		Errors:   []result.ToolError{{Range: at(file, 1, 1, 0, 0), Message: "oops\x1b[0m"}},
	}
	out := textOf(t, r, Options{})
	if strings.ContainsRune(out, '\x1b') || strings.ContainsRune(out, '\x07') {
		t.Errorf("control characters in output: %q", out)
	}
}

func TestTextColourOnlyWhenEnabled(t *testing.T) {
	if out := textOf(t, findingsReport(), Options{BaseDir: inputDir}); strings.Contains(out, "\x1b[") {
		t.Error("ANSI escapes without Color")
	}
	if out := textOf(t, findingsReport(), Options{BaseDir: inputDir, Color: true}); !strings.Contains(out, severityStyle[result.Critical]) {
		t.Error("no ANSI escapes with Color")
	}
}

func TestTextSummary(t *testing.T) {
	out := textOf(t, cleanReport(), Options{})
	if out != "2 files scanned: no findings\n" {
		t.Errorf("clean summary: %q", out)
	}
	out = textOf(t, findingsReport(), Options{BaseDir: inputDir})
	want := "4 files scanned: 8 findings in 3 files (1 critical, 2 high, 3 medium, 1 low, 1 info), 1 suppressed, 2 tool errors\n"
	if !strings.HasSuffix(out, want) {
		t.Errorf("summary: got\n%s\nwant suffix %q", out, want)
	}
	if !strings.Contains(out, "policies/custom.rego:4  compile policy") {
		t.Errorf("tool error without file:line:\n%s", out)
	}
}

func FuzzExcerpt(f *testing.F) {
	f.Add("a\tb\n\"secret\"\n", 1, 2, 2, 3, 2, 1, 2, 9)
	f.Add("", 0, 0, 0, 0, 1, 1, 1, 1)
	f.Add("ü€𝄞\r\nx", 1, 3, 1, 1, 1, 2, 5, 0)
	f.Fuzz(func(t *testing.T, text string, l1, c1, l2, c2, sl1, sc1, sl2, sc2 int) {
		sf := &sourceFile{}
		for l := range strings.SplitSeq(text, "\n") {
			sf.lines = append(sf.lines, []rune(l))
		}
		sf.mask(secretSpan{at("f", sl1, sc1, sl2, sc2), "m"})
		ex, ok := sf.excerptOf(at("f", l1, c1, l2, c2))
		if !ok {
			return
		}
		if len([]rune(ex.underline)) > len([]rune(ex.text))+1 {
			t.Errorf("underline %q longer than text %q", ex.underline, ex.text)
		}
	})
}

// A file that failed to parse was never seen by a secret rule; its ERR001
// excerpt must still not print credentials.
func TestTextScrubsUnflaggedCredentials(t *testing.T) {
	lines := []string{
		`{"environment": [{"name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE"},`,
		`  {"name": "DB_PASSWORD", "value": "hunter2hunter2"},`,
		`DATABASE_URL=postgres://app:s3cretpass@db:5432/app`,
		`api_key: sk_live_abcdefghijklmnop1234`,
		`    - {name: SLACK_TOKEN, value: xoxb-1234567890-abcdefghij}`,
		`-----BEGIN RSA PRIVATE KEY-----`,
		`  {"name": "API_TOKEN", "value": ["hunter3hunter3"]},`,
		`  {"name": "SESSION_SECRET", "value": {"v": "hunter4hunter4"}},`,
	}
	file := writeTemp(t, "broken.json", strings.Join(lines, "\n")+"\n")
	r := &result.Report{}
	for i := range lines {
		r.Findings = append(r.Findings, result.Finding{RuleID: "ERR001", Severity: result.High, Message: "parse error", Range: at(file, i+1, 1, 0, 0)})
	}
	out := textOf(t, r, Options{})
	for _, s := range []string{"AKIAIOSFODNN7EXAMPLE", "hunter2", "s3cretpass", "abcdefghijklmnop1234", "abcdefghij", "RSA PRIVATE", "hunter3", "hunter4"} {
		if strings.Contains(out, s) {
			t.Errorf("excerpt shows %q:\n%s", s, out)
		}
	}
	for _, s := range []string{`"name": "DB_PASSWORD"`, "postgres://app:", "api_key: "} {
		if !strings.Contains(out, s) {
			t.Errorf("excerpt lost the context %q:\n%s", s, out)
		}
	}
}

// When a secret finding's span covers the entry, the key stays readable and
// only the value is masked.
func TestTextMaskKeepsKeys(t *testing.T) {
	tests := []struct {
		name, file, line, msg string
		col, endCol           int
		want                  string
	}{
		{"json member", "task.json", `  { "name": "DB_PASSWORD", "value": "Tr0ub4dor&3xyz" },`, `"DB_PASSWORD"`, 28, 53, `"value": "**************"`},
		{"yaml entry", "pod.yaml", `    value: Tr0ub4dor&3xyz`, "DB_PASSWORD", 5, 26, `value: **************`},
		{"hcl attribute", "main.tf", `  value = "Tr0ub4dor&3xyz"`, "DB_PASSWORD", 3, 27, `value = "**************"`},
		{"dockerfile pair", "Dockerfile", `ENV DB_PASSWORD=Tr0ub4dor&3xyz`, `variable DB_PASSWORD`, 5, 31, `ENV DB_PASSWORD=**************`},
		{"dockerfile legacy pair", "Dockerfile", `ENV MYSQL_ROOT_PASSWORD Tr0ub4dor&3xyz`, `ENV MYSQL_ROOT_PASSWORD looks like a secret`, 5, 39, `ENV MYSQL_ROOT_PASSWORD **************`},
		{"dockerfile value with =", "Dockerfile", `ENV TOKEN Tr0ub4dor=3xyz==`, `variable TOKEN`, 11, 27, `ENV TOKEN ****************`},
		{"yaml value with =", "pod.yaml", `    value: Tr0ub4dor=3xyz==`, "TOKEN", 12, 28, `value: ****************`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := writeTemp(t, tt.file, tt.line+"\n")
			r := &result.Report{Findings: []result.Finding{{RuleID: "DKR002", Severity: result.High, Message: tt.msg, Range: at(file, 1, tt.col, 1, tt.endCol)}}}
			out := textOf(t, r, Options{})
			if strings.Contains(out, "Tr0ub") || !strings.Contains(out, tt.want) {
				t.Errorf("want %q in:\n%s", tt.want, out)
			}
		})
	}
}

func TestTextSharedExcerpt(t *testing.T) {
	file := writeTemp(t, "task.json", `{"name": "app"}`+"\n")
	r := &result.Report{Findings: []result.Finding{
		{RuleID: "ECS001", Severity: result.Medium, Message: "a", Range: at(file, 1, 2, 1, 15)},
		{RuleID: "ECS005", Severity: result.Medium, Message: "b", Range: at(file, 1, 2, 1, 15)},
	}}
	out := textOf(t, r, Options{})
	if n := strings.Count(out, `"name": "app"`); n != 1 {
		t.Errorf("excerpt shown %d times:\n%s", n, out)
	}
	if strings.Index(out, "ECS005") > strings.Index(out, `"name": "app"`) {
		t.Errorf("shared excerpt must follow the last finding:\n%s", out)
	}
}

// A tool error without a line gets no excerpt of line 1 in its ERR001.
func TestTextNoExcerptForLinelessError(t *testing.T) {
	file := writeTemp(t, "main.tf", "variable \"x\" {}\n")
	r := &result.Report{
		Errors:   []result.ToolError{{Range: source.Range{File: file}, Message: "terraform input is not supported"}},
		Findings: []result.Finding{{RuleID: "ERR001", Severity: result.High, Message: "terraform input is not supported", Range: at(file, 1, 1, 1, 1)}},
	}
	if out := textOf(t, r, Options{}); strings.Contains(out, "variable") {
		t.Errorf("excerpt shown for an error without a line:\n%s", out)
	}
	r.Errors[0].Range.Start = source.Pos{Line: 1, Col: 1}
	if out := textOf(t, r, Options{}); !strings.Contains(out, "variable") {
		t.Errorf("excerpt missing for an error at line 1:\n%s", out)
	}
}

// A YAML file that failed to parse was never read by K8S003; the value of
// a secret-looking env entry on the error line is still starred, whichever
// of name and value comes first.
func TestTextScrubsYAMLEnvValue(t *testing.T) {
	lines := []string{
		`    - name: DB_PASSWORD`,
		`      value: "hunter2hunter2`,
		`    - value: s3cr3t-value`,
		`      name: apiKey`,
		`    - name: LOG_LEVEL`,
		`      value: debug-verbose`,
	}
	file := writeTemp(t, "pod.yaml", strings.Join(lines, "\n")+"\n")
	r := &result.Report{}
	for _, ln := range []int{2, 3, 6} {
		r.Findings = append(r.Findings, result.Finding{RuleID: "ERR001", Severity: result.High, Message: "invalid YAML", Range: at(file, ln, 1, 0, 0)})
	}
	out := textOf(t, r, Options{})
	for _, s := range []string{"hunter2", "s3cr3t"} {
		if strings.Contains(out, s) {
			t.Errorf("excerpt shows %q:\n%s", s, out)
		}
	}
	if !strings.Contains(out, "value: debug-verbose") || !strings.Contains(out, "value: ") {
		t.Errorf("excerpt lost a harmless value or the key:\n%s", out)
	}
}

// A Dockerfile line BuildKit could not parse is starred after a
// secret-looking name, past the space that ended the password.
func TestTextScrubsDockerfileSecretLine(t *testing.T) {
	file := writeTemp(t, "Dockerfile", "FROM alpine:3.19\nENV DB_PASSWORD=Tr0ub4dor &3xyzPass999\nENV LOG_LEVEL=debug verbose\n")
	r := &result.Report{Findings: []result.Finding{
		{RuleID: "ERR001", Severity: result.High, Message: "invalid Dockerfile", Range: at(file, 2, 1, 0, 0)},
		{RuleID: "ERR001", Severity: result.High, Message: "invalid Dockerfile", Range: at(file, 3, 1, 0, 0)},
	}}
	out := textOf(t, r, Options{})
	if strings.Contains(out, "Tr0ub") || strings.Contains(out, "xyzPass") || !strings.Contains(out, "ENV DB_PASSWORD=") {
		t.Errorf("secret line not starred after its name:\n%s", out)
	}
	if !strings.Contains(out, "ENV LOG_LEVEL=debug verbose") {
		t.Errorf("harmless line starred:\n%s", out)
	}
}

// K8S017 points at a Secret's data: key. Its values, when written on the
// same line (flow style, minified JSON), are starred up to the bracket that
// closes them and the key is kept; starring the key alone printed the
// values beside it.
func TestTextMasksValuesAfterSecretKey(t *testing.T) {
	tests := []struct {
		name, file, text string
		col, endCol      int
		want             string
	}{
		{"yaml block", "secret.yaml", "data:\n  password: VHIwdWI0ZG9y\n", 1, 5, "| data:\n"},
		{"yaml flow", "secret.yaml", "stringData: {password: Tr0ub4dor&3xyz}\n", 1, 11, "stringData: ***"},
		{"minified json", "secret.json", `{"kind":"Secret","data":{"password":"VHIwdWI0ZG9y"},"type":"Opaque"}` + "\n", 18, 24,
			`"data":` + strings.Repeat("*", len(`{"password":"VHIwdWI0ZG9y"}`)) + `,"type":"Opaque"}`},
		{"unclosed flow", "secret.yaml", "data: {password: Tr0ub4dor, note: it's}\n", 1, 5, "data: ***"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := writeTemp(t, tt.file, tt.text)
			r := &result.Report{
				Rules:    []result.Rule{{ID: "K8S017", Title: "t", Severity: result.Medium, Tags: []string{"secrets"}}},
				Findings: []result.Finding{{RuleID: "K8S017", Severity: result.Medium, Message: "m", Range: at(file, 1, tt.col, 1, tt.endCol)}},
			}
			out := textOf(t, r, Options{})
			if strings.Contains(out, "Tr0ub") || strings.Contains(out, "VHIw") || !strings.Contains(out, tt.want) {
				t.Errorf("want %q and no value in:\n%s", tt.want, out)
			}
		})
	}
}
