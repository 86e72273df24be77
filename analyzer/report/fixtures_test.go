package report

import (
	"path/filepath"

	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// inputDir holds the source files the hand-built reports point into, so
// the text format can show excerpts.
var inputDir = filepath.Join("..", "..", "testdata", "golden", "report", "input")

// The credentials written in the input files; no output may contain them.
const (
	awsKeySecret  = "AKIAIOSFODNN7EXAMPLE"
	passwordValue = "hunter2hunter2"
)

func inputPath(rel string) string { return filepath.Join(inputDir, filepath.FromSlash(rel)) }

func span(rel string, line, col, endLine, endCol int) source.Range {
	return source.Range{File: inputPath(rel), Start: source.Pos{Line: line, Col: col}, End: source.Pos{Line: endLine, Col: endCol}}
}

func testRules() []result.Rule {
	return []result.Rule{
		{
			ID: "ECS001", Name: "missing-healthcheck", Title: "Essential container without health check",
			Description: "Without a health check ECS only restarts a container when its process exits; a hung process keeps serving errors.",
			Severity:    result.Medium, Kinds: []string{"aws.ecs.task-definition"}, Enabled: true,
			Remediation: "Add a healthCheck:\n\n```json\n\"healthCheck\": {\"command\": [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]}\n```",
			Links:       []string{"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html"},
			Tags:        []string{"reliability"},
		},
		{
			ID: "ECS002", Name: "secret-in-environment", Title: "Secret in container environment",
			Description: "Environment values are readable by anyone who can describe the task definition.",
			Severity:    result.High, Kinds: []string{"aws.ecs.task-definition"}, Enabled: true,
			Remediation: "Move the value to Secrets Manager or SSM and reference it in `secrets[]`.",
			Links:       []string{"https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html"},
			Tags:        []string{"security", "secrets"},
		},
		{
			ID: "ECS004", Name: "mutable-image-tag", Title: "Image without a pinned tag",
			Description: "A mutable tag deploys whatever was pushed last.", Severity: result.Medium,
			Kinds: []string{"aws.ecs.task-definition"}, Enabled: true, Remediation: "Pin the image by digest.",
		},
		{
			ID: "ECS006", Name: "privileged-container", Title: "Privileged container",
			Description: "A privileged container can take over the host.", Severity: result.High,
			Kinds: []string{"aws.ecs.task-definition"}, Enabled: true, Remediation: "Remove `privileged: true`.",
			Tags: []string{"security"},
		},
		{
			ID: "K8S001", Name: "missing-resources", Title: "Container without resource limits",
			Description: "A container without limits can starve its neighbours.", Severity: result.Low,
			Kinds: []string{"kubernetes"}, Enabled: false, Remediation: "Set resources.limits.",
		},
		{
			ID: "K8S003", Name: "secret-in-env", Title: "Secret in container environment",
			Description: "Literal env values are stored in the manifest and visible in the API.", Severity: result.High,
			Kinds: []string{"kubernetes"}, Enabled: true, Remediation: "Use valueFrom.secretKeyRef.",
			Tags: []string{"security", "secrets"},
		},
		{
			ID: "K8S004", Name: "mutable-image-tag", Title: "Image without a pinned tag",
			Description: "A mutable tag deploys whatever was pushed last.", Severity: result.Medium,
			Kinds: []string{"kubernetes"}, Enabled: true, Remediation: "Pin the image by digest.",
		},
	}
}

func testTool() result.Tool {
	return result.Tool{Name: "shipcheck", Version: "dev", URI: "https://github.com/shipcheck/shipcheck"}
}

// findingsReport has findings in two files (one on a line with a tab, one
// spanning lines, one without an end), two secrets, a finding on a secret's
// line, a suppressed finding, baseline states and two tool errors, one of
// them also reported as an ERR001 finding.
func findingsReport() *result.Report {
	return &result.Report{
		Tool:  testTool(),
		Rules: testRules(),
		Findings: []result.Finding{
			{RuleID: "ECS001", Severity: result.Medium, Range: span("infra/task.json", 4, 5, 12, 6),
				Message:  `Essential container "app" has no healthCheck; add one so ECS replaces it when it hangs`,
				Resource: "web", Kind: "aws.ecs.task-definition", Path: source.Path{"containerDefinitions", 0},
				Fingerprint: "5f0c1d2e3a4b5c6d"},
			{RuleID: "ECS004", Severity: result.Medium, Range: span("infra/task.json", 6, 16, 6, 30),
				Message:  `Container "app" uses image "nginx:latest" with the mutable tag "latest"; pin a version or a digest`,
				Resource: "web", Kind: "aws.ecs.task-definition", Path: source.Path{"containerDefinitions", 0, "image"},
				Fingerprint: "6a7b8c9d0e1f2a3b", Baseline: "unchanged"},
			{RuleID: "ECS002", Severity: result.Critical, Range: span("infra/task.json", 8, 48, 8, 70),
				Message:  `Container "app" sets AWS_ACCESS_KEY_ID to an AWS access key ID (AKIA**************** (20 chars)); move it to secrets[]`,
				Resource: "web", Kind: "aws.ecs.task-definition", Path: source.Path{"containerDefinitions", 0, "environment", 0, "value"},
				Fingerprint: "7b8c9d0e1f2a3b4c", Baseline: "new"},
			{RuleID: "ECS006", Severity: result.High, Range: span("infra/task.json", 11, 16, 11, 20),
				Message:  `Container "app" is privileged; remove "privileged": true`,
				Resource: "web", Kind: "aws.ecs.task-definition", Path: source.Path{"containerDefinitions", 0, "privileged"},
				Fingerprint: "8c9d0e1f2a3b4c5d", Baseline: "new"},
			{RuleID: "K8S001", Severity: result.Low, Range: span("k8s/deploy.yaml", 9, 11, 0, 0),
				Message:  `Container "api" sets no resources.limits; set cpu and memory limits`,
				Resource: "Deployment/api", Kind: "kubernetes", Path: source.Path{"spec", "template", "spec", "containers", 0},
				Fingerprint: "9d0e1f2a3b4c5d6e"},
			{RuleID: "K8S004", Severity: result.Medium, Range: span("k8s/deploy.yaml", 10, 18, 10, 44),
				Message:  `Container "api" uses image "registry.example.com/api" without a tag (implicitly latest); pin a version or a digest`,
				Resource: "Deployment/api", Kind: "kubernetes", Path: source.Path{"spec", "template", "spec", "containers", 0, "image"},
				Fingerprint: "0e1f2a3b4c5d6e7f",
				Suppression: &result.Suppression{Kind: "inSource", Justification: "pinned by the release pipeline"}},
			{RuleID: "K8S003", Severity: result.Medium, Range: span("k8s/deploy.yaml", 12, 42, 12, 58),
				Message:  `Container "api" env DB_PASSWORD has a secret-looking name with a literal value (************** (14 chars)); use valueFrom.secretKeyRef`,
				Resource: "Deployment/api", Kind: "kubernetes", Path: source.Path{"spec", "template", "spec", "containers", 0, "env", 0, "value"},
				Fingerprint: "1f2a3b4c5d6e7f80"},
			{RuleID: "K8S020", Severity: result.Info, Range: span("k8s/deploy.yaml", 12, 15, 12, 59),
				Message:  `Env entry of container "api" is written in flow style`,
				Resource: "Deployment/api", Kind: "kubernetes", Path: source.Path{"spec", "template", "spec", "containers", 0, "env", 0},
				Fingerprint: "2a3b4c5d6e7f8091"},
			{RuleID: "ERR001", Severity: result.High, Range: span("broken.json", 3, 1, 3, 1),
				Message: "broken.json: unexpected end of JSON input", Fingerprint: "3b4c5d6e7f8091a2"},
		},
		Errors: []result.ToolError{
			{Range: span("broken.json", 3, 1, 0, 0), Message: "parse broken.json: unexpected end of JSON input"},
			{Range: span("policies/custom.rego", 4, 0, 0, 0), Message: "compile policy: rego_parse_error: unexpected } token"},
		},
		Files:      []string{inputPath("infra/task.json"), inputPath("k8s/deploy.yaml"), inputPath("broken.json"), inputPath("Dockerfile")},
		Suppressed: 1,
	}
}

// cleanReport scanned two files and found nothing.
func cleanReport() *result.Report {
	return &result.Report{
		Tool:  testTool(),
		Rules: testRules()[:2],
		Files: []string{inputPath("infra/task.json"), inputPath("k8s/deploy.yaml")},
	}
}
