package schema

import (
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// FuzzValidateSanitize checks that arbitrary specs never panic and that
// after Sanitize only enum findings (kept on purpose) remain.
func FuzzValidateSanitize(f *testing.F) {
	f.Add(`{"containerDefinitions":[{"name":"a","healthcheck":{},"essential":"yes","portMappings":[{"protocol":"TCP"},"x"]}]}`)
	f.Add(`{"serviceName":"s","deploymentConfiguration":{"deploymentCircuitBreaker":"on","maximumPercent":"x"},"tags":{"a":1}}`)
	f.Add(`{"containerDefinitions":"${var.x}","volumes":[null,{"host":[]}],"cpu":true}`)
	f.Fuzz(func(t *testing.T, spec string) {
		root, err := source.ParseJSON("fuzz.json", []byte(spec))
		if err != nil || root.Kind != source.Object {
			return // adapters only make resources of objects
		}
		for _, kind := range []string{resource.ECSTaskDefinition, resource.ECSService} {
			r := &resource.Resource{Kind: kind, Spec: root.Interface(), Index: root.Index()}
			diags := Validate(r)
			Sanitize(r, diags)
			for _, d := range Validate(r) {
				if d.RuleID != InvalidValue || !strings.Contains(d.Message, "expected one of") {
					t.Fatalf("after Sanitize: %s %s %s", d.RuleID, d.Path, d.Message)
				}
			}
		}
	})
}
