// Package resource defines the canonical resource: the one shape every input
// adapter produces and every rule is written against.
//
// A rule sees a resource as its input document:
//
//	{"kind": "aws.ecs.task-definition",
//	 "meta": {"file": "infra/ecs.tf", "format": "terraform", "name": "aws_ecs_task_definition.app"},
//	 "spec": {...}}
//
// The JSON Schemas in schemas/ describe spec for each kind.
package resource

import (
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// Canonical kinds. AWS kinds use the AWS API's JSON shapes.
const (
	ECSTaskDefinition = "aws.ecs.task-definition"
	ECSService        = "aws.ecs.service"
	ECSCluster        = "aws.ecs.cluster"
	ECRRepository     = "aws.ecr.repository"
	EKSCluster        = "aws.eks.cluster"
	LogGroup          = "aws.logs.log-group"
	Kubernetes        = "kubernetes"
	Dockerfile        = "dockerfile"
)

// Resource is one canonical resource of a scanned file.
type Resource struct {
	Kind   string
	Name   string // e.g. "aws_ecs_task_definition.app", "Deployment/web", task family
	File   string // the file it was read from, as given to the scan
	Format string // input format: "ecs-json", "terraform", "kubernetes", "dockerfile", ...

	// Spec is the canonical document: map[string]any, []any, string, bool,
	// json.Number or nil, as encoding/json decodes with UseNumber.
	Spec any

	// Index maps paths in Spec to where they were written. Paths are
	// relative to Spec.
	Index *source.Index

	// Diagnostics are findings the adapter made itself (schema violations,
	// values it could not evaluate); the engine reports them with the rule
	// findings.
	Diagnostics []Diagnostic

	// Fragment marks a part of a manifest rather than a whole one (a
	// kustomize patch): only the values it writes are judged, not the
	// fields it leaves to the manifest it patches (kubernetes.FragmentFindings).
	Fragment bool
}

// Diagnostic is a finding produced in Go rather than in Rego, for rules
// such as SCH001 whose metadata still lives in rules/.
type Diagnostic struct {
	RuleID   string
	Severity string // empty: the rule's default
	Message  string
	Path     source.Path
	Range    source.Range // used when set; else Path is located in Index
}

// Locate returns the range of p in the resource, falling back to the first
// line of its file.
func (r *Resource) Locate(p source.Path) source.Range {
	if rg, ok := r.Index.Locate(p); ok {
		return rg
	}
	return source.Range{File: r.File, Start: source.Pos{Line: 1, Col: 1}, End: source.Pos{Line: 1, Col: 1}}
}
