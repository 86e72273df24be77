package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/scan"
)

// TestTemplatedJSONIsAnError: ECS JSON that a deploy tool completes
// (ecspresso's {{ }}, envsubst's ${ }, CodePipeline's <NAME>) does not
// parse; found by walking, it is reported at the expression with a hint,
// never skipped. ecspresso's service definition has no serviceName.
func TestTemplatedJSONIsAnError(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"ecs-service-def.json": "{\n  \"deploymentConfiguration\": {\"maximumPercent\": 200},\n  \"desiredCount\": {{ must_env `COUNT` }}\n}\n",
		"taskdef.json":         "{\n  \"family\": \"x\",\n  \"containerDefinitions\": [{\"name\": \"a\", \"memoryReservation\": <MEMORY>}]\n}\n",
		"other.json":           "{\n  \"name\": {{ .Name }}\n}\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{dir}, Engine: testEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, e := range rep.Errors {
		if !strings.Contains(e.Message, "template expression") {
			t.Errorf("%s: no template hint: %s", e.Range.File, e.Message)
		}
		got[filepath.Base(e.Range.File)] = e.Range.Start.Line
	}
	want := map[string]int{"ecs-service-def.json": 3, "taskdef.json": 3}
	if len(got) != len(want) {
		t.Fatalf("errors in %v, want %v", got, want)
	}
	for f, line := range want {
		if got[f] != line {
			t.Errorf("%s: error at line %d, want %d", f, got[f], line)
		}
	}
}
