package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"sigs.k8s.io/yaml"
)

// validateYAML checks a YAML file of the repository against one of the
// JSON Schemas copied into testdata/schemas, and returns it decoded.
func validateYAML(t *testing.T, file, schema string) map[string]any {
	t.Helper()
	root := filepath.Join("..", "..")
	data, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		t.Fatal(err)
	}
	js, err := yaml.YAMLToJSON(data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	s, err := c.Compile(filepath.Join(root, "testdata", "schemas", schema))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(doc); err != nil {
		t.Fatalf("%s is invalid against %s: %v", file, schema, err)
	}
	var out map[string]any
	if m, ok := doc.(map[string]any); ok {
		out = m
	} else if l, ok := doc.([]any); ok && len(l) > 0 {
		out, _ = l[0].(map[string]any)
	}
	return out
}

var pinned = regexp.MustCompile(`^[\w.-]+/[\w./-]+@[0-9a-f]{40}$`)

func TestActionMetadata(t *testing.T) {
	action := validateYAML(t, "action.yml", "github-action.json")
	runs := action["runs"].(map[string]any)
	if runs["using"] != "composite" {
		t.Fatalf("runs.using = %v, want composite", runs["using"])
	}
	text, _ := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	for _, bad := range []string{"curl", "wget", "secrets."} {
		if strings.Contains(string(text), bad) {
			t.Errorf("action.yml uses %q: it must build from its own source without downloads or secrets", bad)
		}
	}
	var built, uploads bool
	for _, s := range runs["steps"].([]any) {
		step := s.(map[string]any)
		if uses, ok := step["uses"].(string); ok {
			if !pinned.MatchString(uses) {
				t.Errorf("step %q uses %q: pin actions by commit SHA", step["name"], uses)
			}
			uploads = uploads || strings.HasPrefix(uses, "github/codeql-action/upload-sarif@")
		}
		run, _ := step["run"].(string)
		if strings.Contains(run, "go build") && step["working-directory"] == "${{ github.action_path }}" {
			built = true
		}
		if run != "" && strings.Contains(run, "${{") {
			t.Errorf("step %q expands ${{ }} inside its script; pass inputs through env", step["name"])
		}
	}
	if !built || !uploads {
		t.Errorf("action must build shipcheck in github.action_path (%v) and upload SARIF (%v)", built, uploads)
	}
	inputs := action["inputs"].(map[string]any)
	for _, in := range []string{"paths", "fail-on", "config", "args", "upload-sarif"} {
		if _, ok := inputs[in]; !ok {
			t.Errorf("action has no input %q", in)
		}
	}
}

func TestPreCommitHooks(t *testing.T) {
	hook := validateYAML(t, ".pre-commit-hooks.yaml", "pre-commit-hooks.json")
	if hook["language"] != "golang" || hook["pass_filenames"] != true {
		t.Errorf("hook: %v", hook)
	}
	files := regexp.MustCompile(hook["files"].(string))
	exclude := regexp.MustCompile(hook["exclude"].(string))
	selected := func(p string) bool { return files.MatchString(p) && !exclude.MatchString(p) }
	for _, p := range []string{"Dockerfile", "svc/Dockerfile", "api.Dockerfile", "Dockerfile.prod", "Containerfile",
		"infra/main.tf", "infra/main.tf.json", "k8s/deploy.yaml", "k8s/deploy.yml", "ecs/task.json"} {
		if !selected(p) {
			t.Errorf("pre-commit would not pass %s", p)
		}
	}
	for _, p := range []string{"README.md", "main.go", "docs/Dockerfile-guide.md", ".shipcheck.yaml", "sub/.shipcheck.yml", "x.tfvars"} {
		if selected(p) {
			t.Errorf("pre-commit would pass %s", p)
		}
	}

	// Run the hook's entry as pre-commit does, on a changed .tf file of a
	// module, a workflow file and a Markdown file.
	entry := strings.Fields(hook["entry"].(string))
	if entry[0] != "shipcheck" {
		t.Fatalf("entry %v", entry)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll(filepath.Join("infra"), 0o755); err != nil {
		t.Fatal(err)
	}
	putFile(t, dir, "infra/variables.tf", "variable \"image\" {\n  default = \"acme/app:latest\"\n}\n")
	putFile(t, dir, "infra/main.tf", `resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = var.image, essential = true }])
}
`)
	putFile(t, dir, "infra/other.tf", `resource "aws_ecs_task_definition" "other" {
  family                = "other"
  container_definitions = jsonencode([{ name = "other", image = "acme/other:latest" }])
}
`)
	putFile(t, dir, "ci.yml", "on: push\njobs: {}\n")
	putFile(t, dir, "README.md", "# x\n")
	args := append(entry[1:], "--format", "json", filepath.Join("infra", "main.tf"), "ci.yml", "README.md")
	code, out, stderr := shipcheck(t, "", args...)
	if code != 1 || !strings.Contains(out, `"ECS004"`) || !strings.Contains(out, "acme/app:latest") {
		t.Errorf("the module's variable was not seen: exit %d, stderr %q\n%s", code, stderr, out)
	}
	if strings.Contains(out, "other.tf") || strings.Contains(out, "variables.tf") {
		t.Errorf("files that were not passed are reported:\n%s", out)
	}
}
