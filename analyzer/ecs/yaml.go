package ecs

import (
	"bytes"
	"regexp"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/analyzer/yamlnode"
)

// yamlKey matches a top-level key that only ECS task definitions and
// services (of the inputs this tool reads) have. It keeps the YAML parse
// off the many YAML files that are Kubernetes manifests or CI workflows.
var yamlKey = regexp.MustCompile(`(?m)^["']?(containerDefinitions|taskDefinition|serviceName|deploymentConfiguration)["']?[ \t]*:`)

// flowKey matches the same keys quoted, as JSON writes them.
var flowKey = regexp.MustCompile(`"(containerDefinitions|taskDefinition|serviceName|deploymentConfiguration)"\s*:`)

// yamlTaskKey matches the top-level key of a task definition, which marks
// a YAML file that does not parse as one meant for this adapter.
var yamlTaskKey = regexp.MustCompile(`(?m)^["']?containerDefinitions["']?[ \t]*:`)

// LoadYAML reads a task definition or service written as YAML, the form
// `aws ecs register-task-definition --cli-input-yaml` and `create-service
// --cli-input-yaml` take and PipeCD's taskdef.yaml and servicedef.yaml
// hold. ok is false when the file is not one (a Kubernetes manifest, a
// CloudFormation template, any other YAML), so that the caller can hand it
// to another adapter; a file that has the keys of one but does not parse
// is ok with its syntax error, rather than silently skipped.
func LoadYAML(file string, data []byte) (rs []*resource.Resource, errs []error, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !looksECS(data) {
		return nil, nil, false
	}
	// PipeCD and Harness read these files with YAML 1.1 parsers, where a
	// plain yes/no/on/off is a boolean ("privileged: yes" is privileged).
	stream, err := yamlnode.Parse(file, data, yamlnode.Options{YAML11Booleans: true})
	if err != nil {
		if yamlTaskKey.Match(data) {
			return nil, []error{err}, true
		}
		return nil, nil, false
	}
	root, found := singleDocument(stream)
	if !found || root.Get("apiVersion") != nil || !Detect(root) {
		return nil, nil, false
	}
	rs, errs = Load(file, root)
	return rs, errs, true
}

// looksECS reports whether data has an ECS key at its top level: in block
// style, or quoted in a flow-style (JSON) document saved as .yaml.
func looksECS(data []byte) bool {
	if yamlKey.Match(data) {
		return true
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	return len(trimmed) > 0 && trimmed[0] == '{' && flowKey.Match(data)
}

// singleDocument returns the content of the stream's only non-empty
// document: the CLI reads one request per file.
func singleDocument(stream *yamlnode.Stream) (*source.Node, bool) {
	var root *source.Node
	for _, doc := range stream.Docs {
		content := yamlnode.Content(doc)
		if content == nil {
			continue
		}
		if root != nil {
			return nil, false
		}
		n, err := stream.Convert(content)
		if err != nil {
			return nil, false
		}
		root = n
	}
	return root, root != nil
}
