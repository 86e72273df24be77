package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/internal/sarifcheck"
)

// shipcheck runs the command line in-process and returns its exit code and
// outputs.
func shipcheck(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func putFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const cleanTask = `{
  "family": "ok",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "executionRoleArn": "arn:aws:iam::123456789012:role/exec",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "public.ecr.aws/acme/app:1.2.3",
      "user": "1000:1000",
      "readonlyRootFilesystem": true,
      "healthCheck": {"command": ["CMD", "/app", "health"]},
      "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/ok", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ok"}}
    }
  ]
}
`

const leakyTask = `{
  "family": "leaky",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "acme/app:latest",
      "environment": [
        {"name": "AWS_ACCESS_KEY_ID", "value": "AKIAZ7QXJ3HTWEXAMPLE"},
        {"name": "DB_PASSWORD", "value": "hunter2-but-longer"}
      ]
    }
  ]
}
`

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := putFile(t, dir, "clean.json", cleanTask)
	leaky := putFile(t, dir, "leaky.json", leakyTask)
	for _, c := range []struct {
		name string
		args []string
		want int
	}{
		{"clean", []string{"scan", clean}, 0},
		{"findings", []string{"scan", leaky}, 1},
		{"fail-on none", []string{"scan", "--fail-on", "none", leaky}, 0},
		{"fail-on critical", []string{"scan", "--fail-on", "critical", leaky}, 1},
		{"missing path", []string{"scan", filepath.Join(dir, "nope.json"), clean}, 2},
		{"bad flag", []string{"scan", "--format", "xml", clean}, 2},
		{"bad fail-on", []string{"scan", "--fail-on", "severe", clean}, 2},
		{"two stdout formats", []string{"scan", "--format", "json", "--format", "sarif", clean}, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := shipcheck(t, "", c.args...)
			if code != c.want {
				t.Errorf("exit code %d, want %d (stderr: %s)", code, c.want, stderr)
			}
		})
	}
}

func TestMalformedJSONIsReportedAndScanGoesOn(t *testing.T) {
	dir := t.TempDir()
	putFile(t, dir, "broken.json", "{\n  \"family\": \"x\",\n  \"containerDefinitions\": [\n    {\"name\": \"a\",}\n  ]\n}\n")
	putFile(t, dir, "leaky.json", leakyTask)
	code, out, _ := shipcheck(t, "", "scan", "--format", "json", dir)
	if code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	var doc struct {
		Findings []struct {
			Rule      string `json:"rule"`
			File      string `json:"file"`
			StartLine int    `json:"startLine"`
		} `json:"findings"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var sawErr, sawOther bool
	for _, f := range doc.Findings {
		if f.Rule == "ERR001" && strings.HasSuffix(f.File, "broken.json") && f.StartLine == 4 {
			sawErr = true
		}
		if f.Rule == "ECS004" && strings.HasSuffix(f.File, "leaky.json") {
			sawOther = true
		}
	}
	if !sawErr || !sawOther || len(doc.Errors) != 1 {
		t.Errorf("want ERR001 at broken.json:4, ECS004 in leaky.json and one error; got %s", out)
	}
}

func TestSecretsAreMaskedInEveryFormat(t *testing.T) {
	dir := t.TempDir()
	leaky := putFile(t, dir, "leaky.json", leakyTask)
	for _, format := range []string{"text", "json", "sarif", "junit", "github", "checkstyle"} {
		_, out, _ := shipcheck(t, "", "scan", "--format", format, "--color", "never", leaky)
		for _, secret := range []string{"AKIAZ7QXJ3HTWEXAMPLE", "hunter2-but-longer"} {
			if strings.Contains(out, secret) {
				t.Errorf("%s output prints the secret %q", format, secret)
			}
		}
		if !strings.Contains(out, "AKIA****************") {
			t.Errorf("%s output lacks the masked key", format)
		}
	}
}

func TestSARIFOfExamplesValidates(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.sarif")
	code, _, stderr := shipcheck(t, "", "scan", "--format", "sarif", "--output", out, filepath.Join("..", "..", "examples"))
	if code != 1 {
		t.Fatalf("exit code %d, want 1: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifcheck.Validate(data); err != nil {
		t.Error(err)
	}
}

func TestStdin(t *testing.T) {
	code, out, _ := shipcheck(t, leakyTask, "scan", "--format", "json", "-")
	if code != 1 || !strings.Contains(out, `"ECS004"`) {
		t.Errorf("exit %d, output %s", code, out)
	}
	code, out, _ = shipcheck(t, "not json at all {", "scan", "--type", "ecs", "--color", "never", "-")
	if code != 2 || !strings.Contains(out, "ERR001") {
		t.Errorf("malformed stdin: exit %d, want 2 with ERR001:\n%s", code, out)
	}
}

func TestRulesCommands(t *testing.T) {
	code, out, _ := shipcheck(t, "", "rules")
	if code != 0 || !strings.Contains(out, "ECS001") || !strings.Contains(out, "missing-healthcheck") {
		t.Errorf("rules: exit %d\n%s", code, out)
	}
	code, out, _ = shipcheck(t, "", "rules", "explain", "ecs001")
	if code != 0 || !strings.Contains(out, "How to fix") || !strings.Contains(out, "docs.aws.amazon.com") {
		t.Errorf("explain: exit %d\n%s", code, out)
	}
	if code, _, _ = shipcheck(t, "", "rules", "explain", "NOPE001"); code != 2 {
		t.Errorf("explain unknown rule: exit %d, want 2", code)
	}
	code, out, _ = shipcheck(t, "", "rules", "--format", "json")
	var rules []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &rules) != nil || len(rules) == 0 {
		t.Errorf("rules --format json: exit %d\n%s", code, out)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := shipcheck(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "shipcheck ") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
}

// TestREADMERuleTable keeps the README's rule list equal to the rules'
// metadata; run "make readme" after changing a rule.
func TestREADMERuleTable(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := shipcheck(t, "", "rules", "--format", "markdown")
	begin, end := "<!-- rules:begin -->\n", "<!-- rules:end -->"
	s := string(readme)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("README has no rules:begin/rules:end markers")
	}
	if got := s[i+len(begin) : j]; got != table {
		t.Errorf("README rule table is stale; run 'make readme'")
	}
}
