package ecs

import (
	"encoding/json"
	"sync"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/schemas"
)

// serviceOnlyFields are CreateService fields that no other request or
// document this tool reads has at its top level (run-task input shares
// launchType, networkConfiguration, platformVersion and the like with a
// service, so those do not count). A service definition that deploy
// tools complete themselves (ecspresso's ecs-service-def.json takes the
// service name and cluster from its own config) is recognised by them.
var serviceOnlyFields = []string{
	"deploymentConfiguration", "deploymentController", "schedulingStrategy",
	"healthCheckGracePeriodSeconds", "serviceConnectConfiguration",
	"serviceRegistries", "loadBalancers", "desiredCount",
	"availabilityZoneRebalancing",
}

// serviceFields lists the fields of the service schema.
var serviceFields = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	data, err := schemas.FS.ReadFile(schemas.File(resource.ECSService))
	if err != nil {
		return out
	}
	var doc struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if json.Unmarshal(data, &doc) == nil {
		for k := range doc.Properties {
			out[k] = true
		}
	}
	return out
})

// isNamelessService holds for a service definition without serviceName:
// at least two service-only fields, and every other key (bar one
// misspelling, which SCH001 then reports) a service field.
func isNamelessService(n *source.Node) bool {
	if n.Get("containerDefinitions") != nil {
		return false
	}
	distinctive := 0
	for _, f := range serviceOnlyFields {
		if n.Get(f) != nil {
			distinctive++
		}
	}
	if distinctive < 2 {
		return false
	}
	return strangers(n) <= 1
}

// strangers counts the keys of n that are not service fields.
func strangers(n *source.Node) int {
	known, count := serviceFields(), 0
	for _, m := range n.Members {
		if !known[m.Key] {
			count++
		}
	}
	return count
}

// mostlyService holds when at most one key, or at most a third of the
// keys, of n are not service fields: a create-service input with a typo
// or two is still read (and SCH001 names the typos), a deploy tool's own
// config that happens to hold serviceName and cluster is not.
func mostlyService(n *source.Node) bool {
	s := strangers(n)
	return s <= 1 || 3*s <= len(n.Members)
}
