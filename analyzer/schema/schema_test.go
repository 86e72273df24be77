package schema

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/ecs"
	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/schemas"
)

// TestRealFilesHaveNoFindings validates AWS CLI input and output files
// written after the API reference: every field they use must be known.
func TestRealFilesHaveNoFindings(t *testing.T) {
	files, err := filepath.Glob("testdata/valid/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, f := range files {
		for _, r := range load(t, f) {
			if diags := Validate(r); len(diags) > 0 {
				t.Errorf("%s (%s): %d findings, want none:\n%s", f, r.Name, len(diags), dump(diags))
			}
		}
	}
}

func TestEverySchemaCompiles(t *testing.T) {
	kinds := schemas.Kinds()
	if len(kinds) < 2 {
		t.Fatalf("kinds with a schema: %v", kinds)
	}
	for _, k := range kinds {
		if !Has(k) {
			t.Errorf("schema of %s did not compile", k)
		}
	}
	if Has("kubernetes") {
		t.Error("kubernetes has no schema yet")
	}
}

func TestUnknownField(t *testing.T) {
	tests := []struct {
		name     string
		kind     string
		spec     string
		format   string
		path     string
		severity string
		contains []string
	}{
		{
			name: "case typo in container", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","healthcheck":{"command":["CMD","true"]}}]}`,
			path: "containerDefinitions/0/healthcheck", contains: []string{`unknown field "healthcheck" in container "web" (did you mean "healthCheck"?); the AWS API rejects`},
		},
		{
			name: "misspelled privileged", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","privilege":true}]}`,
			path: "containerDefinitions/0/privilege", contains: []string{`did you mean "privileged"?`},
		},
		{
			name: "snake case", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"port_mappings":[]}]}`,
			path: "containerDefinitions/0/port_mappings", contains: []string{`container #1`, `did you mean "portMappings"?`},
		},
		{
			name: "task field in container", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","pidMode":"host"}]}`,
			path: "containerDefinitions/0/pidMode", contains: []string{`in container "web": "pidMode" is a task definition field, not a container field`},
		},
		{
			name: "task field in container, other case", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","networkmode":"awsvpc"}]}`,
			path: "containerDefinitions/0/networkmode", contains: []string{`"networkMode" is a task definition field`},
		},
		{
			name: "container field at task level", kind: resource.ECSTaskDefinition,
			spec: `{"family":"x","image":"nginx:1","containerDefinitions":[]}`,
			path: "image", contains: []string{`in the task definition`, `"image" is a container definition field`},
		},
		{
			name: "terraform container is high", kind: resource.ECSTaskDefinition, format: "terraform",
			spec: `{"containerDefinitions":[{"name":"web","enviroment":[]}]}`,
			path: "containerDefinitions/0/enviroment", severity: "high",
			contains: []string{`did you mean "environment"?`, "Terraform provider silently drops"},
		},
		{
			name: "task level", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[], "bogus": 1}`,
			path: "bogus", contains: []string{`unknown field "bogus" in the task definition`},
		},
		{
			name: "nested service field", kind: resource.ECSService,
			spec:     `{"serviceName":"s","deploymentConfiguration":{"deploymentCircuitBreaker":{"enabled":true}}}`,
			path:     "deploymentConfiguration/deploymentCircuitBreaker/enabled",
			contains: []string{`in deploymentConfiguration.deploymentCircuitBreaker`, `did you mean "enable"?`},
		},
		{
			name: "CloudFormation tag spelling", kind: resource.ECSService,
			spec: `{"serviceName":"s","tags":[{"key":"a","Value":"b"}]}`,
			path: "tags/0/Value", contains: []string{`in tags[0] (did you mean "value"?)`},
		},
		{
			name: "field of another object", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","logDriver":"awslogs"}]}`,
			path: "containerDefinitions/0/logDriver", contains: []string{`in container "web": "logDriver" belongs in logConfiguration; the AWS API`},
		},
		{
			name: "field of a nested object", kind: resource.ECSService,
			spec: `{"serviceName":"s","assignPublicIp":"ENABLED"}`,
			path: "assignPublicIp", contains: []string{`"assignPublicIp" belongs in networkConfiguration.awsvpcConfiguration;`},
		},
		{
			name: "two candidate places", kind: resource.ECSService,
			spec: `{"serviceName":"s","deploymentConfiguration":{"rollback":true}}`,
			path: "deploymentConfiguration/rollback", contains: []string{`belongs in deploymentConfiguration.alarms or deploymentConfiguration.deploymentCircuitBreaker;`},
		},
		{
			name: "container field inside a container object", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","logConfiguration":{"logDriver":"awslogs","image":"x"}}]}`,
			path: "containerDefinitions/0/logConfiguration/image", contains: []string{`"image" belongs in the container definition;`},
		},
		{
			name: "no far-fetched suggestion", kind: resource.ECSService,
			spec: `{"serviceName":"s","xyzzy":1}`,
			path: "xyzzy", contains: []string{`unknown field "xyzzy" in the service; the AWS API`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := res(t, tt.kind, tt.format, tt.spec)
			diags := Validate(r)
			if len(diags) != 1 {
				t.Fatalf("got %d findings, want 1:\n%s", len(diags), dump(diags))
			}
			d := diags[0]
			if d.RuleID != UnknownField || d.Path.String() != tt.path || d.Severity != tt.severity {
				t.Errorf("got %s at %s severity %q, want SCH001 at %s severity %q", d.RuleID, d.Path, d.Severity, tt.path, tt.severity)
			}
			for _, s := range tt.contains {
				if !strings.Contains(d.Message, s) {
					t.Errorf("message %q does not contain %q", d.Message, s)
				}
			}
		})
	}
}

func TestInvalidValue(t *testing.T) {
	tests := []struct {
		name     string
		kind     string
		spec     string
		path     string
		contains []string
	}{
		{
			name: "enum typo", kind: resource.ECSTaskDefinition,
			spec: `{"networkMode":"awsvpcc","containerDefinitions":[]}`,
			path: "networkMode", contains: []string{`networkMode has invalid value "awsvpcc" (did you mean "awsvpc"?); expected one of`, `"bridge", "host", "awsvpc", "none"`},
		},
		{
			name: "enum case", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","portMappings":[{"containerPort":80,"protocol":"TCP"}]}]}`,
			path: "containerDefinitions/0/portMappings/0/protocol", contains: []string{`portMappings[0].protocol of container "web" has invalid value "TCP" (values are case-sensitive: "tcp")`},
		},
		{
			name: "boolean as word", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","essential":"yes"}]}`,
			path: "containerDefinitions/0/essential", contains: []string{`must be a boolean (true or false), got the string "yes"`},
		},
		{
			name: "integer with unit", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","memory":"512MB"}]}`,
			path: "containerDefinitions/0/memory", contains: []string{`memory of container "web" must be an integer, got the string "512MB"`},
		},
		{
			name: "fraction for integer", kind: resource.ECSService,
			spec: `{"serviceName":"s","desiredCount":1.5}`,
			path: "desiredCount", contains: []string{`desiredCount must be an integer, got 1.5`},
		},
		{
			name: "object for list, value not printed", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","environment":"DB_PASSWORD=hunter2hunter2"}]}`,
			path: "containerDefinitions/0/environment", contains: []string{`must be a list, got a string`},
		},
		{
			name: "number for string", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","environment":[{"name":"PORT","value":8080}]}]}`,
			path: "containerDefinitions/0/environment/0/value", contains: []string{`environment[0].value of container "web" must be a string, got 8080`},
		},
		{
			name: "number for a secret's string, value not printed", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","environment":[{"name":"DB_PASSWORD","value":98765432109876}]}]}`,
			path: "containerDefinitions/0/environment/0/value", contains: []string{`environment[0].value of container "web" must be a string, got a number;`},
		},
		{
			name: "container not an object", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"a"},"b"]}`,
			path: "containerDefinitions/1", contains: []string{`container #2 must be an object`},
		},
		{
			name: "log option not a string", kind: resource.ECSTaskDefinition,
			spec: `{"containerDefinitions":[{"name":"web","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-create-group":true}}}]}`,
			path: "containerDefinitions/0/logConfiguration/options/awslogs-create-group", contains: []string{`must be a string, got true`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := Validate(res(t, tt.kind, "", tt.spec))
			if len(diags) != 1 {
				t.Fatalf("got %d findings, want 1:\n%s", len(diags), dump(diags))
			}
			d := diags[0]
			if d.RuleID != InvalidValue || d.Path.String() != tt.path || d.Severity != "" {
				t.Errorf("got %s at %s severity %q, want SCH002 at %s", d.RuleID, d.Path, d.Severity, tt.path)
			}
			for _, s := range tt.contains {
				if !strings.Contains(d.Message, s) {
					t.Errorf("message %q does not contain %q", d.Message, s)
				}
			}
		})
	}
}

// TestLenientValues covers what real files write that the wire format does
// not: none of these is a finding.
func TestLenientValues(t *testing.T) {
	specs := map[string]string{
		"string booleans":        `{"containerDefinitions":[{"name":"a","essential":"true","privileged":"FALSE"}]}`,
		"string integers":        `{"containerDefinitions":[{"name":"a","memory":"512","portMappings":[{"containerPort":"80"}]}]}`,
		"task cpu as number":     `{"cpu":256,"memory":512,"containerDefinitions":[]}`,
		"task cpu in units":      `{"cpu":"1 vCPU","memory":"2 GB","containerDefinitions":[]}`,
		"nulls":                  `{"ipcMode":null,"containerDefinitions":[{"name":"a","hostname":null,"portMappings":[{"hostPort":null}]}]}`,
		"unknown list":           `{"containerDefinitions":[{"name":"a","portMappings":"${var.ports}","essential":"${var.essential}"}]}`,
		"unknown enum":           `{"networkMode":"${var.mode}","containerDefinitions":"${local.containers}"}`,
		"placeholders":           `{"networkMode":"#{NetworkMode}","containerDefinitions":[{"memory":"$MEMORY","cpu":"<CPU>","essential":"__ESSENTIAL__","portMappings":"{{ ports }}"}]}`,
		"tag map":                `{"containerDefinitions":[],"tags":{"a":"b"}}`,
		"empty enum":             `{"networkMode":"","containerDefinitions":[{"name":"a","portMappings":[{"protocol":""}]}]}`,
		"epoch timestamp":        `{"containerDefinitions":[],"registeredAt":1715671304.123}`,
		"container cpu and mem":  `{"containerDefinitions":[{"name":"a","cpu":128,"memory":256}]}`,
		"service string numbers": `{"serviceName":"s","desiredCount":"2","deploymentConfiguration":{"maximumPercent":" 200 "}}`,
		"unknown field names":    `{"containerDefinitions":[{"name":"a","logConfiguration":{"logDriver":"awslogs","${k}":"x","{{ key }}":"y"}}]}`,
	}
	for name, spec := range specs {
		kind := resource.ECSTaskDefinition
		if strings.Contains(spec, "serviceName") {
			kind = resource.ECSService
		}
		if diags := Validate(res(t, kind, "", spec)); len(diags) > 0 {
			t.Errorf("%s: %d findings, want none:\n%s", name, len(diags), dump(diags))
		}
	}
}

// TestTerraformOutsideContainers: Terraform rejects unknown attributes
// itself, so outside container_definitions an unknown field is the
// adapter's, never the user's, and is not reported.
func TestTerraformOutsideContainers(t *testing.T) {
	r := res(t, resource.ECSService, "terraform", `{"serviceName":"s","waitForSteadyState":true,"desiredCount":"x"}`)
	diags := Validate(r)
	if len(diags) != 1 || diags[0].RuleID != InvalidValue {
		t.Errorf("want only the SCH002 on desiredCount, got:\n%s", dump(diags))
	}
}

func TestValidateWithoutSchema(t *testing.T) {
	r := &resource.Resource{Kind: resource.Kubernetes, Spec: map[string]any{"anything": 1}}
	if diags := Validate(r); diags != nil {
		t.Errorf("kind without schema: %s", dump(diags))
	}
}

func TestSanitize(t *testing.T) {
	r := res(t, resource.ECSTaskDefinition, "", `{
		"networkMode": "awsvpcc",
		"containerDefinitions": [
			{"name": "web", "privilege": true, "essential": "maybe", "memory": 512,
			 "portMappings": [{"containerPort": 80, "protocol": "TCP"}, "8080", {"containerPort": 9090}],
			 "linuxParameters": "none"},
			42
		]}`)
	diags := Validate(r)
	if len(diags) != 7 {
		t.Fatalf("got %d findings, want 7:\n%s", len(diags), dump(diags))
	}
	Sanitize(r, diags)
	got, _ := json.Marshal(r.Spec)
	want := `{"containerDefinitions":[{"memory":512,"name":"web","portMappings":[{"containerPort":80,"protocol":"TCP"},null,{"containerPort":9090}]},null],"networkMode":"awsvpcc"}`
	if string(got) != want {
		t.Errorf("sanitized spec:\n got %s\nwant %s", got, want)
	}
	if again := Validate(r); len(again) != 2 {
		t.Errorf("after Sanitize only the enum findings remain, got:\n%s", dump(again))
	}
}

func TestPathsLocateTheKey(t *testing.T) {
	src := "{\n  \"containerDefinitions\": [\n    {\n      \"name\": \"web\",\n      \"healthcheck\": {}\n    }\n  ]\n}\n"
	root, err := source.ParseJSON("td.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := &resource.Resource{Kind: resource.ECSTaskDefinition, File: "td.json", Spec: root.Interface(), Index: root.Index()}
	diags := Validate(r)
	if len(diags) != 1 {
		t.Fatalf("got %s", dump(diags))
	}
	if rg := r.Locate(diags[0].Path); rg.Start.Line != 5 || rg.Start.Col != 7 {
		t.Errorf("located at %d:%d, want 5:7", rg.Start.Line, rg.Start.Col)
	}
}

func TestConcurrentValidate(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				r := &resource.Resource{Kind: resource.ECSTaskDefinition, Spec: map[string]any{
					"containerDefinitions": []any{map[string]any{"name": "a", "healthcheck": map[string]any{}}},
				}}
				if n := len(Validate(r)); n != 1 {
					t.Errorf("got %d findings", n)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestSuggest(t *testing.T) {
	allowed := []string{"essential", "environment", "memory", "memoryReservation", "portMappings", "readonlyRootFilesystem"}
	cases := map[string]string{
		"essentail":              "essential",
		"Memory":                 "memory",
		"memory_reservation":     "memoryReservation",
		"readOnlyRootFileSystem": "readonlyRootFilesystem",
		"portMapping":            "portMappings",
		"image":                  "",
		"mem":                    "",
	}
	for in, want := range cases {
		if got := suggest(in, allowed); got != want {
			t.Errorf("suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func load(t *testing.T, file string) []*resource.Resource {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	root, err := source.ParseJSON(file, data)
	if err != nil {
		t.Fatal(err)
	}
	rs, errs := ecs.Load(file, root)
	if len(errs) > 0 || len(rs) == 0 {
		t.Fatalf("%s: %v", file, errs)
	}
	return rs
}

func res(t *testing.T, kind, format, spec string) *resource.Resource {
	t.Helper()
	root, err := source.ParseJSON("spec.json", []byte(spec))
	if err != nil {
		t.Fatalf("bad test spec: %v", err)
	}
	return &resource.Resource{Kind: kind, Format: format, File: "spec.json", Spec: root.Interface(), Index: root.Index()}
}

func dump(diags []resource.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString("  " + d.RuleID + " " + d.Path.String() + " [" + d.Severity + "] " + d.Message + "\n")
	}
	return b.String()
}

// TestTerraformFoldsCase: the Terraform provider decodes container
// definitions case-insensitively, so keys in another case work there: one
// low finding per container, and the rules see them under the API's
// spelling.
func TestTerraformFoldsCase(t *testing.T) {
	spec := `{"containerDefinitions":[{"Name":"web","HealthCheck":{"Command":["CMD","true"],"Interval":"often"},
		"readOnlyRootFilesystem":true,"port_mappings":[]}]}`
	r := res(t, resource.ECSTaskDefinition, "terraform", spec)
	diags := Validate(r)
	got := dump(diags)
	if len(diags) != 3 ||
		diags[0].Path.String() != "containerDefinitions/0/HealthCheck" || diags[0].Severity != "low" ||
		!strings.Contains(diags[0].Message, `"readOnlyRootFilesystem" → "readonlyRootFilesystem"`) ||
		diags[1].Path.String() != "containerDefinitions/0/HealthCheck/Interval" || diags[1].RuleID != InvalidValue ||
		!strings.Contains(diags[1].Message, `healthCheck.interval of container "web" must be an integer`) ||
		diags[2].Path.String() != "containerDefinitions/0/port_mappings" || diags[2].Severity != "high" {
		t.Fatalf("findings:\n%s", got)
	}
	Sanitize(r, diags)
	out, _ := json.Marshal(r.Spec)
	want := `{"containerDefinitions":[{"healthCheck":{"command":["CMD","true"]},"name":"web","readonlyRootFilesystem":true}]}`
	if string(out) != want {
		t.Errorf("sanitized spec:\n got %s\nwant %s", out, want)
	}
	written, _ := r.Index.Locate(source.Path{"containerDefinitions", 0, "HealthCheck", "Command"})
	renamed := r.Locate(source.Path{"containerDefinitions", 0, "healthCheck", "command"})
	if renamed != written || written.Start.Line == 0 {
		t.Errorf("renamed path located at %v, want %v", renamed, written)
	}
	if again := Validate(r); len(again) != 0 {
		t.Errorf("after Sanitize:\n%s", dump(again))
	}
}

func TestJSONDoesNotFoldCase(t *testing.T) {
	r := res(t, resource.ECSTaskDefinition, "ecs", `{"containerDefinitions":[{"Name":"web","readOnlyRootFilesystem":true}]}`)
	diags := Validate(r)
	if len(diags) != 2 || diags[0].RuleID != UnknownField || diags[1].RuleID != UnknownField {
		t.Fatalf("findings:\n%s", dump(diags))
	}
}
