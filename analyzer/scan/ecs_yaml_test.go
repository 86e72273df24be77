package scan_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/scan"
)

// TestStdinECSYAML: --type ecs reads a YAML task definition on standard
// input (aws ecs ... --cli-input-yaml), not only JSON.
func TestStdinECSYAML(t *testing.T) {
	stdin := "family: app\ncontainerDefinitions:\n  - name: web\n    image: nginx:1.27\n    privileged: true\n"
	rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{"-"}, Stdin: strings.NewReader(stdin), Type: scan.FormatECS, Engine: testEngine(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 0 {
		t.Fatalf("errors: %v", rep.Errors)
	}
	for _, f := range rep.Findings {
		if f.RuleID == "ECS006" && f.Range.Start.Line == 5 {
			return
		}
	}
	t.Errorf("no ECS006 at line 5: %v", rep.Findings)
}
