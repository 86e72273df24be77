package schema

import (
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// FuzzValidateSanitize checks that arbitrary specs never panic and that
// after Sanitize only enum findings and, in ECS JSON, quoted numbers and
// booleans (both kept on purpose) remain.
func FuzzValidateSanitize(f *testing.F) {
	f.Add(`{"containerDefinitions":[{"name":"a","healthcheck":{},"essential":"yes","portMappings":[{"protocol":"TCP"},"x"]}]}`)
	f.Add(`{"serviceName":"s","deploymentConfiguration":{"deploymentCircuitBreaker":"on","maximumPercent":"x"},"tags":{"a":1}}`)
	f.Add(`{"containerDefinitions":"${var.x}","volumes":[null,{"host":[]}],"cpu":true}`)
	f.Add(`{"containerDefinitions":[{"Name":"a","HealthCheck":{"Command":"x","interval":"y"},"name":"b"}]}`)
	f.Add(`{"containerDefinitions":[{"essential":"TRUE","memory":" 64 ","portMappings":[{"containerPort":"80"},"81"]}],"desiredCount":"2"}`)
	f.Fuzz(func(t *testing.T, spec string) {
		root, err := source.ParseJSON("fuzz.json", []byte(spec))
		if err != nil || root.Kind != source.Object {
			return // adapters only make resources of objects
		}
		for _, kind := range []string{resource.ECSTaskDefinition, resource.ECSService} {
			for _, format := range []string{"ecs", "terraform"} {
				check(t, &resource.Resource{Kind: kind, Format: format, Spec: root.Interface(), Index: root.Index()})
			}
		}
	})
}

func check(t *testing.T, r *resource.Resource) {
	Sanitize(r, Validate(r))
	for _, d := range Validate(r) {
		kept := strings.Contains(d.Message, "expected one of") || strings.Contains(d.Message, "without quotes")
		if d.RuleID != InvalidValue || !kept {
			t.Fatalf("%s after Sanitize: %s %s %s", r.Format, d.RuleID, d.Path, d.Message)
		}
	}
}
