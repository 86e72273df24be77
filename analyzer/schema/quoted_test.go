package schema

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/resource"
)

// TestQuotedScalarsInECSJSON: the AWS CLI and the ECS API reject "80" for
// an integer and "true" for a boolean, so ECS JSON files get SCH002 for
// them; the values stay in the spec for the rules.
func TestQuotedScalarsInECSJSON(t *testing.T) {
	spec := `{"family":"web","cpu":"256","memory":"512",
		"containerDefinitions":[{"name":"web","essential":"true","memory":" 512 ",
			"portMappings":[{"containerPort":"80","hostPort":"${PORT}"}],
			"readonlyRootFilesystem":"FALSE","privileged":false,
			"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-create-group":"true"}}}]}`
	r := res(t, resource.ECSTaskDefinition, "ecs", spec)
	diags := Validate(r)
	want := []string{
		"containerDefinitions/0/essential",
		"containerDefinitions/0/memory",
		"containerDefinitions/0/portMappings/0/containerPort",
		"containerDefinitions/0/readonlyRootFilesystem",
	}
	var got []string
	for _, d := range diags {
		if d.RuleID != InvalidValue {
			t.Errorf("unexpected %s", d.RuleID)
		}
		got = append(got, d.Path.String())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("paths:\n got %v\nwant %v\n%s", got, want, dump(diags))
	}
	if m := diags[2].Message; !strings.Contains(m, `not the string "80"`) || !strings.Contains(m, "write 80 without quotes") {
		t.Errorf("message: %s", m)
	}
	if m := diags[3].Message; !strings.Contains(m, "a boolean") || !strings.Contains(m, "write false without quotes") {
		t.Errorf("message: %s", m)
	}
	Sanitize(r, diags)
	out, _ := json.Marshal(r.Spec)
	for _, kept := range []string{`"essential":"true"`, `"containerPort":"80"`, `"readonlyRootFilesystem":"FALSE"`, `"memory":" 512 "`} {
		if !strings.Contains(string(out), kept) {
			t.Errorf("Sanitize dropped %s: %s", kept, out)
		}
	}
}

// TestQuotedScalarsOtherFormats: Terraform and CloudFormation convert
// such strings, so only ECS JSON is strict.
func TestQuotedScalarsOtherFormats(t *testing.T) {
	for _, format := range []string{"", "terraform", "terraform-plan"} {
		r := res(t, resource.ECSService, format, `{"serviceName":"s","desiredCount":"2","enableExecuteCommand":"true"}`)
		if diags := Validate(r); len(diags) > 0 {
			t.Errorf("format %q: %s", format, dump(diags))
		}
	}
	r := res(t, resource.ECSService, "ecs", `{"serviceName":"s","desiredCount":"2","enableExecuteCommand":"true"}`)
	if diags := Validate(r); len(diags) != 2 {
		t.Errorf("ecs service: want 2 findings, got:\n%s", dump(diags))
	}
}
