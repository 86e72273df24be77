// Package ecs reads ECS task definition and service JSON as the AWS CLI and
// API take and return it: register-task-definition and create-service input,
// and describe-task-definition / describe-services output with their
// wrappers; and the same documents written as YAML (yaml.go).
package ecs

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// Format is the input format name of ECS JSON files.
const Format = "ecs"

// Detect reports whether a JSON document is an ECS task definition or
// service in any of the shapes Load accepts.
func Detect(root *source.Node) bool {
	return len(find(root)) > 0
}

// Load returns one resource per task definition or service in the document.
func Load(file string, root *source.Node) ([]*resource.Resource, []error) {
	found := find(root)
	if len(found) == 0 {
		return nil, []error{source.Errorf(root.Range, "not an ECS task definition or service: expected containerDefinitions, taskDefinition, serviceName or services")}
	}
	out := make([]*resource.Resource, 0, len(found))
	for _, f := range found {
		out = append(out, &resource.Resource{
			Kind:   f.kind,
			Name:   name(file, f),
			File:   file,
			Format: Format,
			Spec:   f.node.Interface(),
			Index:  f.node.Index(),
		})
	}
	return out, nil
}

type found struct {
	kind string
	node *source.Node
}

// find locates the resources in a document. The shapes, most specific
// first:
//
//	{"taskDefinition": {...}}           describe-task-definition output
//	{"containerDefinitions": [...]}     register-task-definition input, taskdef.json
//	{"services": [{...}]}               describe-services output
//	{"service": {...}}                  create-service / update-service output
//	{"serviceName": ...}                create-service input
//	{"service": "name", ...}            update-service input
//	{"deploymentConfiguration": ...}    a service definition without its name (ecspresso)
func find(root *source.Node) []found {
	if root == nil || root.Kind != source.Object {
		return nil
	}
	if td := root.Get("taskDefinition"); td != nil && td.Kind == source.Object && isTaskDefinition(td) && onlyKeys(root, "taskDefinition", "tags", "ResponseMetadata") {
		return []found{{resource.ECSTaskDefinition, td}}
	}
	if isTaskDefinition(root) {
		return []found{{resource.ECSTaskDefinition, root}}
	}
	if svcs := root.Get("services"); svcs != nil && svcs.Kind == source.Array {
		var out []found
		for _, s := range svcs.Items {
			if s.Kind == source.Object && isService(s) && mostlyService(s) {
				out = append(out, found{resource.ECSService, s})
			}
		}
		return out
	}
	if s := root.Get("service"); s != nil && s.Kind == source.Object && isService(s) && mostlyService(s) {
		return []found{{resource.ECSService, s}}
	}
	if ((isService(root) || isUpdateServiceInput(root)) && mostlyService(root)) || isNamelessService(root) {
		return []found{{resource.ECSService, root}}
	}
	return nil
}

// isTaskDefinition holds for a task definition. Elastic Beanstalk's
// Dockerrun.aws.json (version 2) holds containerDefinitions too, but it is
// not ECS input: Beanstalk builds the task definition from it, choosing the
// network mode and host ports itself, and its own keys
// (AWSEBDockerrunVersion, authentication) are not task definition fields,
// so the task definition rules would report what the file cannot change.
// onlyKeys holds when n has no keys but the given ones: the CLI's output
// wrappers (and boto3's, with ResponseMetadata) hold nothing else, a deploy
// tool's config that nests a task definition under "taskDefinition" does
// (poviolabs ecs-deploy-cli).
func onlyKeys(n *source.Node, keys ...string) bool {
	for _, m := range n.Members {
		if !slices.Contains(keys, m.Key) {
			return false
		}
	}
	return true
}

func isTaskDefinition(n *source.Node) bool {
	cd := n.Get("containerDefinitions")
	return cd != nil && (cd.Kind == source.Array || n.Get("family") != nil) && n.Get("AWSEBDockerrunVersion") == nil
}

func isService(n *source.Node) bool {
	return n.Get("serviceName") != nil && (n.Get("taskDefinition") != nil || n.Get("serviceArn") != nil ||
		n.Get("deploymentConfiguration") != nil || n.Get("desiredCount") != nil || n.Get("launchType") != nil ||
		n.Get("deploymentController") != nil || n.Get("cluster") != nil)
}

// isUpdateServiceInput holds for update-service input, which names its
// service in "service". create-task-set input does too, with the task
// set's own externalId or scale: it is not a service definition.
func isUpdateServiceInput(n *source.Node) bool {
	s := n.Get("service")
	return s != nil && s.Kind == source.String &&
		(n.Get("taskDefinition") != nil || n.Get("deploymentConfiguration") != nil || n.Get("desiredCount") != nil) &&
		n.Get("externalId") == nil && n.Get("scale") == nil
}

// name identifies the resource in messages and baselines: family:revision,
// the service name, else the file name.
func name(file string, f found) string {
	n := f.node
	switch f.kind {
	case resource.ECSTaskDefinition:
		if fam := n.Get("family").Str(); fam != "" {
			if rev := n.Get("revision"); rev != nil && rev.Kind == source.Number {
				return fmt.Sprintf("%s:%v", fam, rev.Value)
			}
			return fam
		}
	case resource.ECSService:
		if s := n.Get("serviceName").Str(); s != "" {
			return s
		}
		if s := n.Get("service").Str(); s != "" {
			return s
		}
	}
	return strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
}
