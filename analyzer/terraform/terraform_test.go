package terraform

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// writeModule writes files (name -> content, names may hold a folder) into
// a temporary directory and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadAll loads dir and returns its resources by name, failing on errors.
func loadAll(t *testing.T, dir string, opts Options) map[string]*resource.Resource {
	t.Helper()
	rs, errs := LoadModule(dir, nil, opts)
	for _, err := range errs {
		t.Errorf("unexpected error: %v", err)
	}
	return byName(rs)
}

func byName(rs []*resource.Resource) map[string]*resource.Resource {
	out := map[string]*resource.Resource{}
	for _, r := range rs {
		out[r.Name] = r
	}
	return out
}

func get(t *testing.T, rs map[string]*resource.Resource, name string) *resource.Resource {
	t.Helper()
	r := rs[name]
	if r == nil {
		names := make([]string, 0, len(rs))
		for n := range rs {
			names = append(names, n)
		}
		t.Fatalf("no resource %s; have %v", name, names)
	}
	return r
}

// at looks up the value at p in a spec.
func at(spec any, p ...any) any {
	for _, e := range p {
		switch k := e.(type) {
		case string:
			m, ok := spec.(map[string]any)
			if !ok {
				return nil
			}
			spec = m[k]
		case int:
			a, ok := spec.([]any)
			if !ok || k >= len(a) {
				return nil
			}
			spec = a[k]
		}
	}
	return spec
}

// located says where p is located: "file:line".
func located(r *resource.Resource, p ...any) string {
	rg, ok := r.Index.Locate(source.Path(p))
	if !ok {
		return "not located"
	}
	return filepath.Base(rg.File) + ":" + strconv.Itoa(rg.Start.Line)
}

type check struct {
	path  []any
	value any    // compared after JSON encoding; nil skips
	where string // "file:line"; "" skips
}

func verify(t *testing.T, r *resource.Resource, checks []check) {
	t.Helper()
	for _, c := range checks {
		if c.value != nil {
			got, _ := json.Marshal(at(r.Spec, c.path...))
			want, _ := json.Marshal(c.value)
			if string(got) != string(want) {
				t.Errorf("%s %v = %s, want %s", r.Name, c.path, got, want)
			}
		}
		if c.where != "" {
			if got := located(r, c.path...); got != c.where {
				t.Errorf("%s %v located at %s, want %s", r.Name, c.path, got, c.where)
			}
		}
	}
}

const taskJSONEncode = `variable "tag" {
  default = "1.4.2"
}

variable "unset" {}

locals {
  app = "web"
  env = [
    { name = "MODE", value = "production" },
  ]
}

resource "aws_ecs_task_definition" "app" {
  family                   = "${local.app}-task"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = "512"
  execution_role_arn       = var.unset
  container_definitions = jsonencode([
    {
      name      = local.app
      image     = "${aws_ecr_repository.app.repository_url}:latest"
      essential = true
      cpu       = 128
      portMappings = [
        { containerPort = 8080, hostPort = 8080 }
      ]
      environment = local.env
      secrets     = var.unset
    },
    {
      name  = "sidecar"
      image = "envoy:${var.tag}"
    }
  ])
  volume {
    name      = "docker"
    host_path = "/var/run/docker.sock"
  }
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }
}
`

func TestJSONEncodeContainerDefinitions(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": taskJSONEncode})
	r := get(t, loadAll(t, dir, Options{}), "aws_ecs_task_definition.app")
	if r.Kind != resource.ECSTaskDefinition || r.Format != Format || filepath.Base(r.File) != "main.tf" {
		t.Errorf("got kind %s format %s file %s", r.Kind, r.Format, r.File)
	}
	verify(t, r, []check{
		{[]any{}, nil, "main.tf:14"},
		{[]any{"family"}, "web-task", "main.tf:15"},
		{[]any{"requiresCompatibilities"}, []string{"FARGATE"}, "main.tf:16"},
		{[]any{"cpu"}, 256, "main.tf:18"},
		{[]any{"memory"}, "512", "main.tf:19"},
		{[]any{"executionRoleArn"}, "${var.unset}", "main.tf:20"},
		{[]any{"containerDefinitions", 0}, nil, "main.tf:23"},
		{[]any{"containerDefinitions", 0, "name"}, "web", "main.tf:23"},
		{[]any{"containerDefinitions", 0, "image"}, "${aws_ecr_repository.app.repository_url}:latest", "main.tf:24"},
		{[]any{"containerDefinitions", 0, "essential"}, true, "main.tf:25"},
		{[]any{"containerDefinitions", 0, "portMappings", 0, "hostPort"}, 8080, "main.tf:28"},
		// environment comes from a local: its entries point at the local.
		{[]any{"containerDefinitions", 0, "environment", 0, "value"}, "production", "main.tf:10"},
		{[]any{"containerDefinitions", 0, "secrets"}, "${var.unset}", "main.tf:31"},
		{[]any{"containerDefinitions", 0, "healthCheck"}, nil, "main.tf:23"},
		{[]any{"containerDefinitions", 1, "image"}, "envoy:1.4.2", "main.tf:35"},
		{[]any{"volumes", 0, "host", "sourcePath"}, "/var/run/docker.sock", "main.tf:40"},
		{[]any{"volumes", 0}, nil, "main.tf:38"},
		{[]any{"runtimePlatform", "cpuArchitecture"}, "ARM64", "main.tf:44"},
	})
}

func TestHeredocContainerDefinitions(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `variable "image" {}

resource "aws_ecs_task_definition" "heredoc" {
  family                = "heredoc"
  container_definitions = <<EOF
[
  {
    "name": "app",
    "image": "${var.image}",
    "cpu": ${var.image},
    "command": ["${lookup(var.cmds, "web")}"],
    "privileged": true
  }
]
EOF
}
`})
	r := get(t, loadAll(t, dir, Options{}), "aws_ecs_task_definition.heredoc")
	verify(t, r, []check{
		{[]any{"containerDefinitions", 0, "name"}, "app", "main.tf:8"},
		{[]any{"containerDefinitions", 0, "image"}, "${var.image}", "main.tf:9"},
		// An unknown interpolation outside a JSON string is kept as a string.
		{[]any{"containerDefinitions", 0, "cpu"}, "${var.image}", "main.tf:10"},
		{[]any{"containerDefinitions", 0, "command", 0}, `${lookup(var.cmds, "web")}`, "main.tf:11"},
		{[]any{"containerDefinitions", 0, "privileged"}, true, "main.tf:12"},
	})
	if len(r.Diagnostics) != 0 {
		t.Errorf("diagnostics: %v", r.Diagnostics)
	}
}

func TestFileAndTemplateFile(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf": `variable "image" {
  default = "nginx:1.25"
}

resource "aws_ecs_task_definition" "file" {
  family                = "file"
  container_definitions = file("${path.module}/containers.json")
}

resource "aws_ecs_task_definition" "tpl" {
  family                = "tpl"
  container_definitions = templatefile("${path.module}/containers.json.tpl", { image = var.image, port = aws_lb.x.port })
}

resource "aws_ecs_task_definition" "broken_tpl" {
  family                = "broken"
  container_definitions = templatefile("${path.module}/missing.tpl", {})
}
`,
		"containers.json": `[
  {
    "name": "from-file",
    "image": "app:latest"
  }
]`,
		"containers.json.tpl": `[
  {
    "name": "from-template",
    "image": "${image}",
    "portMappings": [{"containerPort": ${port}}]
  }
]`,
	})
	rs := loadAll(t, dir, Options{})
	verify(t, get(t, rs, "aws_ecs_task_definition.file"), []check{
		{[]any{"containerDefinitions", 0, "image"}, "app:latest", "containers.json:4"},
		{[]any{"family"}, "file", "main.tf:6"},
	})
	verify(t, get(t, rs, "aws_ecs_task_definition.tpl"), []check{
		{[]any{"containerDefinitions", 0, "image"}, "nginx:1.25", "containers.json.tpl:4"},
		{[]any{"containerDefinitions", 0, "portMappings", 0, "containerPort"}, "${port}", "containers.json.tpl:5"},
	})
	broken := get(t, rs, "aws_ecs_task_definition.broken_tpl")
	if len(broken.Diagnostics) != 1 || broken.Diagnostics[0].RuleID != "ERR002" || broken.Diagnostics[0].Severity != "info" {
		t.Fatalf("broken templatefile diagnostics = %+v, want one ERR002", broken.Diagnostics)
	}
	if d := broken.Diagnostics[0]; d.Range.Start.Line != 17 || !strings.Contains(d.Message, "missing.tpl") {
		t.Errorf("diagnostic %+v, want line 17 naming missing.tpl", d)
	}
	if s, ok := at(broken.Spec, "containerDefinitions").(string); !ok || !strings.HasPrefix(s, "${templatefile(") {
		t.Errorf("containerDefinitions = %v, want the source expression", at(broken.Spec, "containerDefinitions"))
	}
}

func TestVariablesTfvarsAndOptions(t *testing.T) {
	files := map[string]string{
		"main.tf": `variable "retention" {
  type    = number
  default = 7
}
variable "group" {
  default = "default"
}
variable "kms" {}
variable "from_file" {}
variable "cidrs" {
  type = list(string)
}

resource "aws_cloudwatch_log_group" "app" {
  name              = var.group
  retention_in_days = var.retention
  kms_key_id        = var.kms
}

resource "aws_eks_cluster" "c" {
  name = var.from_file
  vpc_config {
    public_access_cidrs = var.cidrs
  }
}
`,
		"terraform.tfvars":   "group = \"from-tfvars\"\nretention = 14\n",
		"b.auto.tfvars":      "retention = 30\n",
		"prod.tfvars":        "from_file = \"prod-cluster\"\n",
		"x.auto.tfvars.json": `{"kms": "arn:aws:kms:eu-west-1:1:key/x"}`,
	}
	dir := writeModule(t, files)
	rs := loadAll(t, dir, Options{})
	// Values from variables files point where they are written, the
	// file that wins (b.auto.tfvars after terraform.tfvars).
	verify(t, get(t, rs, "aws_cloudwatch_log_group.app"), []check{
		{[]any{"logGroupName"}, "from-tfvars", "terraform.tfvars:1"},
		{[]any{"retentionInDays"}, 30, "b.auto.tfvars:1"},
		{[]any{"kmsKeyId"}, "arn:aws:kms:eu-west-1:1:key/x", ""},
	})
	verify(t, get(t, rs, "aws_eks_cluster.c"), []check{{[]any{"name"}, "${var.from_file}", ""}})

	rs = loadAll(t, dir, Options{VarFiles: []string{filepath.Join(dir, "prod.tfvars")},
		Vars: map[string]string{"group": "cli", "cidrs": `["10.0.0.0/8"]`}})
	verify(t, get(t, rs, "aws_cloudwatch_log_group.app"), []check{{[]any{"logGroupName"}, "cli", ""}})
	verify(t, get(t, rs, "aws_eks_cluster.c"), []check{
		{[]any{"name"}, "prod-cluster", ""},
		{[]any{"resourcesVpcConfig", "publicAccessCidrs"}, []string{"10.0.0.0/8"}, "main.tf:23"},
	})

	_, errs := LoadModule(dir, nil, Options{VarFiles: []string{filepath.Join(dir, "missing.tfvars")}})
	if len(errs) != 1 {
		t.Errorf("a missing var file gave errors %v, want one", errs)
	}
}

func TestLocalsAndFunctions(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `locals {
  prefix = lower("App")
  full   = format("%s-%s", local.prefix, local.suffix)
  suffix = try(var.missing, "svc")
  tags   = merge({ a = "1" }, { b = "2" })
  names  = concat(["x"], ["y"])
  pick   = lookup({ prod = 30 }, "prod", 7)
  first  = coalesce("", "fallback")
  upper  = upper(local.first)
  nested = jsondecode("{\"n\": 5}").n
}

resource "aws_cloudwatch_log_group" "x" {
  name              = "${local.full}/${local.upper}/${length(local.names)}/${local.tags.b}"
  retention_in_days = local.pick + local.nested
}
`})
	r := get(t, loadAll(t, dir, Options{}), "aws_cloudwatch_log_group.x")
	verify(t, r, []check{
		{[]any{"logGroupName"}, "app-svc/FALLBACK/2/2", ""},
		{[]any{"retentionInDays"}, 35, ""},
	})
}

func TestServiceAndClusterMapping(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `resource "aws_ecs_service" "web" {
  name                               = "web"
  launch_type                        = "FARGATE"
  platform_version                   = "1.4.0"
  desired_count                      = 2
  deployment_maximum_percent         = 200
  deployment_minimum_healthy_percent = 0
  enable_execute_command             = true

  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }

  deployment_controller {
    type = "ECS"
  }

  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }

  alarms {
    alarm_names = ["a"]
    enable      = true
    rollback    = true
  }
}

resource "aws_ecs_cluster" "main" {
  name = "main"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  configuration {
    execute_command_configuration {
      logging = "OVERRIDE"
      log_configuration {
        s3_bucket_encryption_enabled = true
      }
    }
  }
}
`})
	rs := loadAll(t, dir, Options{})
	verify(t, get(t, rs, "aws_ecs_service.web"), []check{
		{[]any{"serviceName"}, "web", "main.tf:2"},
		{[]any{"launchType"}, "FARGATE", "main.tf:3"},
		{[]any{"platformVersion"}, "1.4.0", "main.tf:4"},
		{[]any{"desiredCount"}, 2, "main.tf:5"},
		{[]any{"deploymentConfiguration", "maximumPercent"}, 200, "main.tf:6"},
		{[]any{"deploymentConfiguration", "minimumHealthyPercent"}, 0, "main.tf:7"},
		{[]any{"enableExecuteCommand"}, true, "main.tf:8"},
		{[]any{"deploymentConfiguration", "deploymentCircuitBreaker", "rollback"}, false, "main.tf:12"},
		{[]any{"deploymentConfiguration", "deploymentCircuitBreaker"}, nil, "main.tf:10"},
		// deploymentConfiguration only exists in the API shape: the resource header.
		{[]any{"deploymentConfiguration"}, nil, "main.tf:1"},
		{[]any{"deploymentController", "type"}, "ECS", "main.tf:16"},
		{[]any{"networkConfiguration", "awsvpcConfiguration", "assignPublicIp"}, "ENABLED", "main.tf:21"},
		{[]any{"capacityProviderStrategy", 0, "capacityProvider"}, "FARGATE_SPOT", "main.tf:25"},
		{[]any{"capacityProviderStrategy", 0}, nil, "main.tf:24"},
		{[]any{"deploymentConfiguration", "alarms", "rollback"}, true, "main.tf:32"},
	})
	verify(t, get(t, rs, "aws_ecs_cluster.main"), []check{
		{[]any{"clusterName"}, "main", ""},
		{[]any{"settings", 0, "value"}, "enabled", "main.tf:40"},
		{[]any{"configuration", "executeCommandConfiguration", "logging"}, "OVERRIDE", "main.tf:44"},
		{[]any{"configuration", "executeCommandConfiguration", "logConfiguration", "s3EncryptionEnabled"}, true, "main.tf:46"},
	})
}

func TestECRJoins(t *testing.T) {
	dir := writeModule(t, map[string]string{"ecr.tf": `resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_repository" "other" {
  name = "other"
}

resource "aws_ecr_lifecycle_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = jsonencode({ rules = [] })
}

resource "aws_ecr_repository_policy" "other" {
  repository = "other"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "ecr:*" }]
  })
}
`, "registry.tf": `resource "aws_ecr_registry_scanning_configuration" "r" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}
`})
	rs := loadAll(t, dir, Options{})
	app, other := get(t, rs, "aws_ecr_repository.app"), get(t, rs, "aws_ecr_repository.other")
	verify(t, app, []check{
		{[]any{"lifecyclePolicy", "rules"}, []any{}, "ecr.tf:11"},
		{[]any{"repositoryPolicy"}, nil, "ecr.tf:1"},
		{[]any{"registryScanningConfiguration", "rules", 0, "repositoryFilters", 0, "filter"}, "*", "registry.tf:6"},
	})
	verify(t, other, []check{
		{[]any{"repositoryPolicy", "Statement", 0, "Principal"}, "*", "ecr.tf:17"},
		{[]any{"registryScanningConfiguration", "scanType"}, "ENHANCED", "registry.tf:2"},
	})
	if at(other.Spec, "lifecyclePolicy") != nil {
		t.Error("the lifecycle policy of app was joined to other")
	}
}

func TestUnknownsKeepSourceText(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `variable "tag" {}
resource "aws_ecs_task_definition" "t" {
  count  = 2
  family = "t-${count.index}"
  container_definitions = jsonencode([{
    name  = "c${count.index}"
    image = "repo/app:${var.tag}"
    environment = [for k, v in var.env : { name = k, value = v }]
  }])
}
resource "aws_ecs_cluster" "c" {
  name = "c"
  dynamic "setting" {
    for_each = var.settings
    content {
      name  = setting.key
      value = setting.value
    }
  }
}
`})
	rs := loadAll(t, dir, Options{})
	verify(t, get(t, rs, "aws_ecs_task_definition.t"), []check{
		{[]any{"family"}, "t-${count.index}", "main.tf:4"},
		{[]any{"containerDefinitions", 0, "image"}, "repo/app:${var.tag}", "main.tf:7"},
		{[]any{"containerDefinitions", 0, "environment"}, "${[for k, v in var.env : { name = k, value = v }]}", "main.tf:8"},
	})
	verify(t, get(t, rs, "aws_ecs_cluster.c"), []check{
		{[]any{"settings", 0, "value"}, "${setting.value}", "main.tf:17"},
		{[]any{"settings", 0}, nil, "main.tf:13"},
	})
}

func TestLocalAndRemoteModules(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf": `module "app" {
  source    = "./modules/app"
  name      = "billing"
  retention = 0
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}
`,
		"modules/app/main.tf": `variable "name" {}
variable "retention" {
  default = 30
}
resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${var.name}"
  retention_in_days = var.retention
}
module "nested" {
  source = "../nested"
  prefix = var.name
}
`,
		"modules/nested/main.tf": `variable "prefix" {}
resource "aws_ecr_repository" "r" {
  name = "${var.prefix}-repo"
}
`,
	})
	rs := loadAll(t, dir, Options{})
	// A value passed as it is points at the call's argument; one the
	// module builds ("/ecs/${var.name}") where the module builds it.
	app := get(t, rs, "module.app.aws_cloudwatch_log_group.this")
	verify(t, app, []check{
		{[]any{"logGroupName"}, "/ecs/billing", "main.tf:6"},
		{[]any{"retentionInDays"}, 0, "main.tf:4"},
	})
	if rg, _ := app.Index.Locate(source.Path{"retentionInDays"}); rg.File != filepath.Join(dir, "main.tf") {
		t.Errorf("retentionInDays located in %s, want the caller's main.tf", rg.File)
	}
	if !strings.HasSuffix(app.File, filepath.Join("modules", "app", "main.tf")) {
		t.Errorf("module resource file = %s", app.File)
	}
	verify(t, get(t, rs, "module.app.module.nested.aws_ecr_repository.r"), []check{{[]any{"repositoryName"}, "billing-repo", "main.tf:3"}})
	vpc := get(t, rs, "module.vpc")
	if vpc.Kind != ModuleKind || len(vpc.Diagnostics) != 1 || vpc.Diagnostics[0].RuleID != "ERR002" || vpc.Diagnostics[0].Range.Start.Line != 7 {
		t.Errorf("remote module = %+v", vpc)
	}
}

// TestModuleArgumentPositions covers where values passed to modules are
// located: at the argument of the outermost call that writes them, through
// a chain of calls and for_each instances; where the module uses them when
// the value is unknown or converted to the variable's type.
func TestModuleArgumentPositions(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf": `module "outer" {
  source    = "./outer"
  name      = "orders"
  retention = 0
  kms       = 42
}
module "each" {
  source   = "./inner"
  for_each = { a = "alpha" }
  name     = each.value
}
module "unknown" {
  source = "./inner"
  name   = aws_s3_bucket.b.id
}
`,
		"outer/main.tf": `variable "name" {}
variable "retention" {}
variable "kms" {
  type = string
}
module "inner" {
  source    = "../inner"
  name      = var.name
  retention = var.retention
  kms       = var.kms
}
`,
		"inner/main.tf": `variable "name" {}
variable "retention" {
  default = 7
}
variable "kms" {
  default = null
}
resource "aws_cloudwatch_log_group" "this" {
  name              = var.name
  retention_in_days = var.retention
  kms_key_id        = var.kms
}
`,
	})
	rs := loadAll(t, dir, Options{})
	root := filepath.Join(dir, "main.tf")
	cases := []struct {
		res, where string
		path       []any
		file       string
	}{
		{"module.outer.module.inner.aws_cloudwatch_log_group.this", "main.tf:3", []any{"logGroupName"}, root},
		{"module.outer.module.inner.aws_cloudwatch_log_group.this", "main.tf:4", []any{"retentionInDays"}, root},
		// 42 becomes "42" in outer's string variable: located where outer uses it.
		{"module.outer.module.inner.aws_cloudwatch_log_group.this", "main.tf:10", []any{"kmsKeyId"}, filepath.Join(dir, "outer", "main.tf")},
		{`module.each["a"].aws_cloudwatch_log_group.this`, "main.tf:10", []any{"logGroupName"}, root},
		{"module.unknown.aws_cloudwatch_log_group.this", "main.tf:9", []any{"logGroupName"}, filepath.Join(dir, "inner", "main.tf")},
	}
	for _, c := range cases {
		r := get(t, rs, c.res)
		if got := located(r, c.path...); got != c.where {
			t.Errorf("%s %v located at %s, want %s", c.res, c.path, got, c.where)
		}
		if rg, _ := r.Index.Locate(source.Path(c.path)); rg.File != c.file {
			t.Errorf("%s %v located in %s, want %s", c.res, c.path, rg.File, c.file)
		}
	}
}

func TestModuleCycleIsReported(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf":   "module \"a\" {\n  source = \"./a\"\n}\n",
		"a/main.tf": "module \"back\" {\n  source = \"../a\"\n}\nresource \"aws_ecs_cluster\" \"c\" {}\n",
	})
	rs := loadAll(t, dir, Options{})
	get(t, rs, "module.a.aws_ecs_cluster.c")
	_, errs := LoadModule(writeModule(t, map[string]string{
		"main.tf":   "module \"a\" {\n  source = \"./a\"\n}\n",
		"a/main.tf": "resource \"aws_ecs_cluster\" \"c\" {\n  name = \n}\n",
	}), nil, Options{})
	var se *source.Error
	if len(errs) != 1 || !errors.As(errs[0], &se) || filepath.Base(filepath.Dir(se.Range.File)) != "a" {
		t.Errorf("errors of a local module's files = %v, want its parse error", errs)
	}
	if d := get(t, rs, "module.a.module.back").Diagnostics; len(d) != 1 || d[0].RuleID != "ERR002" {
		t.Errorf("cycle diagnostics = %+v", d)
	}
}

func TestTerraformJSON(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf.json": `{
  "variable": {"tag": {"default": "2.0"}},
  "locals": {"family": "json-${var.tag}"},
  "resource": {
    "aws_ecs_task_definition": {
      "literal": {
        "family": "${local.family}",
        "container_definitions": "[{\"name\": \"a\", \"image\": \"nginx:latest\"}]"
      },
      "encoded": {
        "family": "encoded",
        "container_definitions": "${jsonencode([{name = \"b\", image = \"app:${var.tag}\"}])}",
        "volume": {"name": "v", "host_path": "/etc"}
      }
    },
    "aws_ecs_service": {
      "svc": [{
        "name": "svc",
        "network_configuration": {"subnets": ["s"], "assign_public_ip": false}
      }]
    }
  }
}
`})
	rs := loadAll(t, dir, Options{})
	verify(t, get(t, rs, "aws_ecs_task_definition.literal"), []check{
		{[]any{}, nil, "main.tf.json:6"},
		{[]any{"family"}, "json-2.0", "main.tf.json:7"},
		{[]any{"containerDefinitions", 0, "image"}, "nginx:latest", "main.tf.json:8"},
	})
	lit := get(t, rs, "aws_ecs_task_definition.literal")
	if rg, _ := lit.Index.Locate(source.Path{"containerDefinitions", 0, "image"}); rg.Start.Col != 54 {
		t.Errorf("image column = %d, want 54 (inside the escaped string)", rg.Start.Col)
	}
	verify(t, get(t, rs, "aws_ecs_task_definition.encoded"), []check{
		{[]any{"containerDefinitions", 0, "image"}, "app:2.0", "main.tf.json:12"},
		{[]any{"volumes", 0, "host", "sourcePath"}, "/etc", "main.tf.json:13"},
	})
	verify(t, get(t, rs, "aws_ecs_service.svc"), []check{
		{[]any{"networkConfiguration", "awsvpcConfiguration", "assignPublicIp"}, "DISABLED", "main.tf.json:19"},
	})
}

func TestSyntaxErrorKeepsOtherFiles(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"bad.tf":      "resource \"aws_ecs_cluster\" \"x\" {\n  name = \n}\n",
		"good.tf":     "resource \"aws_cloudwatch_log_group\" \"g\" {\n  name = \"g\"\n}\n",
		"bad.tf.json": "{\n  \"resource\": [\n}",
	})
	rs, errs := LoadModule(dir, nil, Options{})
	if len(errs) != 2 {
		t.Fatalf("errors = %v, want 2", errs)
	}
	for _, err := range errs {
		var se *source.Error
		if !errors.As(err, &se) {
			t.Fatalf("error %v is not *source.Error", err)
		}
		switch filepath.Base(se.Range.File) {
		case "bad.tf":
			if se.Range.Start.Line != 2 && se.Range.Start.Line != 3 {
				t.Errorf("HCL error at line %d, want 2 or 3: %v", se.Range.Start.Line, se)
			}
		case "bad.tf.json":
			if se.Range.Start.Line != 3 {
				t.Errorf("JSON error at line %d, want 3", se.Range.Start.Line)
			}
		default:
			t.Errorf("error in unexpected file: %v", se)
		}
	}
	if byName(rs)["aws_cloudwatch_log_group.g"] == nil {
		t.Error("the valid file was not loaded")
	}
}

func TestFileSelection(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"a.tf":      "resource \"aws_cloudwatch_log_group\" \"a\" {\n  name = local.n\n}\n",
		"b.tf":      "resource \"aws_cloudwatch_log_group\" \"b\" {}\nlocals {\n  n = \"from-b\"\n}\n",
		"broken.tf": "resource {",
	})
	rs, errs := LoadModule(dir, []string{filepath.Join(dir, "a.tf")}, Options{})
	if len(errs) != 0 {
		t.Errorf("errors of files not asked about were reported: %v", errs)
	}
	got := byName(rs)
	if len(got) != 1 || got["aws_cloudwatch_log_group.a"] == nil {
		t.Fatalf("resources = %v, want only a", got)
	}
	verify(t, got["aws_cloudwatch_log_group.a"], []check{{[]any{"logGroupName"}, "from-b", "a.tf:2"}})
}

const planDoc = `{
  "format_version": "1.2",
  "terraform_version": "1.9.0",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_ecs_task_definition.app",
          "mode": "managed",
          "type": "aws_ecs_task_definition",
          "name": "app",
          "values": {
            "family": "app",
            "container_definitions": "[{\"name\":\"web\",\"image\":\"nginx:latest\",\"environment\":[{\"name\":\"A\",\"value\":\"\u003cb\u003e\"}]}]",
            "volume": [{"name": "d", "host_path": "/", "efs_volume_configuration": []}]
          }
        },
        {
          "address": "data.aws_iam_role.x",
          "mode": "data",
          "type": "aws_iam_role",
          "name": "x",
          "values": {}
        }
      ],
      "child_modules": [
        {
          "address": "module.svc",
          "resources": [
            {
              "address": "module.svc.aws_ecs_service.this[0]",
              "mode": "managed",
              "type": "aws_ecs_service",
              "name": "this",
              "index": 0,
              "values": {
                "name": "svc",
                "network_configuration": [{"assign_public_ip": true, "subnets": ["a"]}],
                "deployment_circuit_breaker": [{"enable": true, "rollback": true}]
              }
            }
          ]
        }
      ]
    }
  },
  "resource_changes": [
    {
      "address": "aws_ecs_task_definition.app",
      "change": {"after_unknown": {"execution_role_arn": true, "volume": [{}]}}
    },
    {
      "address": "module.svc.aws_ecs_service.this[0]",
      "change": {"after_unknown": {"container_definitions": true}}
    }
  ]
}
`

func TestPlanJSON(t *testing.T) {
	root, err := source.ParseJSON("plan.json", []byte(planDoc))
	if err != nil {
		t.Fatal(err)
	}
	if !IsPlan(root) {
		t.Fatal("IsPlan = false")
	}
	rs, errs := LoadPlan("plan.json", root)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	got := byName(rs)
	if len(got) != 2 {
		t.Fatalf("resources = %v, want 2", got)
	}
	td := get(t, got, "aws_ecs_task_definition.app")
	if td.Format != PlanFormat {
		t.Errorf("format = %s", td.Format)
	}
	if len(td.Diagnostics) != 0 {
		t.Errorf("diagnostics = %+v", td.Diagnostics)
	}
	verify(t, td, []check{
		{[]any{}, nil, "plan.json:8"},
		{[]any{"containerDefinitions", 0, "image"}, "nginx:latest", "plan.json:14"},
		{[]any{"containerDefinitions", 0, "environment", 0, "value"}, "<b>", "plan.json:14"},
		{[]any{"executionRoleArn"}, "${known after apply}", ""},
		{[]any{"volumes", 0, "host", "sourcePath"}, "/", "plan.json:15"},
	})
	rg, _ := td.Index.Locate(source.Path{"containerDefinitions", 0, "image"})
	line := strings.Split(planDoc, "\n")[13]
	if col := strings.Index(line, `\"image\"`) + 1; rg.Start.Col != col {
		t.Errorf("image key column = %d, want %d", rg.Start.Col, col)
	}
	verify(t, get(t, got, "module.svc.aws_ecs_service.this[0]"), []check{
		{[]any{"networkConfiguration", "awsvpcConfiguration", "assignPublicIp"}, "ENABLED", "plan.json:38"},
		{[]any{"deploymentConfiguration", "deploymentCircuitBreaker", "enable"}, true, "plan.json:39"},
	})
}

func TestPlanPriorState(t *testing.T) {
	doc := `{"format_version": "1.0", "prior_state": {"values": {"root_module": {"resources": [
  {"address": "aws_cloudwatch_log_group.g", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": "g",
   "values": {"name": "g", "retention_in_days": 0}}]}}}}`
	root, err := source.ParseJSON("state.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := LoadPlan("state.json", root)
	verify(t, get(t, byName(rs), "aws_cloudwatch_log_group.g"), []check{{[]any{"retentionInDays"}, 0, "state.json:3"}})
}

func TestIsPlan(t *testing.T) {
	for doc, want := range map[string]bool{
		`{"format_version": "1.0", "planned_values": {}}`:          true,
		`{"format_version": "1.0", "values": {"root_module": {}}}`: true,
		`{"format_version": "1.0"}`:                                false,
		`{"containerDefinitions": []}`:                             false,
		`[]`:                                                       false,
	} {
		root, err := source.ParseJSON("x.json", []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		if got := IsPlan(root); got != want {
			t.Errorf("IsPlan(%s) = %v", doc, got)
		}
	}
}

func FuzzLoadHCL(f *testing.F) {
	f.Add([]byte(taskJSONEncode), false)
	f.Add([]byte(`{"resource": {"aws_ecs_cluster": {"x": {"setting": {"name": "containerInsights"}}}}}`), true)
	f.Add([]byte("resource \"aws_ecs_task_definition\" \"x\" {\n container_definitions = <<EOF\n[{\"a\": ${var.x}}]\nEOF\n}\n"), false)
	f.Add([]byte("locals {\n a = local.b\n b = local.a\n}\nresource \"aws_ecs_service\" \"s\" { name = local.a }\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		dir := t.TempDir()
		name := "main.tf"
		if isJSON {
			name = "main.tf.json"
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		rs, errs := LoadModule(dir, nil, Options{})
		for _, err := range errs {
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not *source.Error", err)
			}
		}
		for _, r := range rs {
			if r.Index == nil {
				t.Fatalf("%s has no index", r.Name)
			}
			if _, err := json.Marshal(r.Spec); err != nil {
				t.Fatalf("%s spec does not encode: %v", r.Name, err)
			}
		}
	})
}

func FuzzLoadPlan(f *testing.F) {
	f.Add([]byte(planDoc))
	f.Add([]byte(`{"format_version":"1","values":{"root_module":{"resources":[{"type":"aws_ecr_repository","values":{"name":"x"}}]}}}`))
	f.Add([]byte(`{"format_version":"1","planned_values":{"root_module":{"resources":[{"type":"aws_ecs_task_definition","values":{"container_definitions":"[{\"a\\u00e9\":1}]"}}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := source.ParseJSON("plan.json", data)
		if err != nil || !IsPlan(root) {
			return
		}
		rs, _ := LoadPlan("plan.json", root)
		for _, r := range rs {
			if _, err := json.Marshal(r.Spec); err != nil {
				t.Fatalf("%s spec does not encode: %v", r.Name, err)
			}
		}
	})
}

func TestInstalledRemoteModuleAndOverrides(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf": "module \"logs\" {\n  source  = \"example/logs/aws\"\n  version = \"1.0.0\"\n  name    = \"app\"\n}\n" +
			"resource \"aws_ecs_cluster\" \"c\" {\n  name = \"c\"\n}\n",
		"override.tf":                     "resource \"aws_ecs_cluster\" \"c\" {\n  name = \"patched\"\n}\n",
		".terraform/modules/modules.json": `{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"logs","Source":"registry.terraform.io/example/logs/aws","Version":"1.0.0","Dir":".terraform/modules/logs"}]}`,
		".terraform/modules/logs/main.tf": "variable \"name\" {}\nresource \"aws_cloudwatch_log_group\" \"this\" {\n  name = \"/x/${var.name}\"\n}\n",
	})
	rs := loadAll(t, dir, Options{})
	if len(rs) != 2 {
		t.Fatalf("resources = %v, want the cluster and the installed module's log group", rs)
	}
	verify(t, get(t, rs, "module.logs.aws_cloudwatch_log_group.this"), []check{{[]any{"logGroupName"}, "/x/app", "main.tf:3"}})
	verify(t, get(t, rs, "aws_ecs_cluster.c"), []check{{[]any{"clusterName"}, "c", "main.tf:7"}})
}

func TestLocalModules(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf":           "module \"a\" {\n  source = \"./mods/a\"\n}\nmodule \"r\" {\n  source = \"x/y/aws\"\n}\n",
		"mods/a/main.tf":    "module \"b\" {\n  source = \"../b\"\n}\n",
		"mods/b/main.tf":    "module \"a\" {\n  source = \"../a\"\n}\n",
		"unrelated/main.tf": "",
	})
	got := LocalModules(dir, nil)
	want := []string{filepath.Join(dir, "mods", "a"), filepath.Join(dir, "mods", "b")}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("LocalModules = %v, want %v", got, want)
	}
	if got := LocalModules(dir, []string{"other.tf"}); len(got) != 0 {
		t.Errorf("LocalModules of a file without calls = %v", got)
	}
}

func TestConcatMergeAndDefaultsKeepPositions(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `variable "extra_env" {
  default = [
    { name = "FROM_DEFAULT", value = "d" },
  ]
}

variable "overridden" {
  default = "x"
}

locals {
  base = { essential = true, cpu = 64 }
}

resource "aws_ecs_task_definition" "t" {
  family = "t"
  container_definitions = jsonencode([
    merge(local.base, {
      name  = "app"
      image = "app:${var.overridden}"
      cpu   = 128
      environment = concat(var.extra_env, [
        { name = "LOCAL", value = "l" },
      ])
    })
  ])
}
`})
	rs := loadAll(t, dir, Options{Vars: map[string]string{"overridden": "1.0"}})
	verify(t, get(t, rs, "aws_ecs_task_definition.t"), []check{
		{[]any{"containerDefinitions", 0, "essential"}, true, "main.tf:12"},
		{[]any{"containerDefinitions", 0, "cpu"}, 128, "main.tf:21"},
		{[]any{"containerDefinitions", 0, "image"}, "app:1.0", "main.tf:20"},
		{[]any{"containerDefinitions", 0, "environment", 0, "name"}, "FROM_DEFAULT", "main.tf:3"},
		{[]any{"containerDefinitions", 0, "environment", 1, "value"}, "l", "main.tf:23"},
	})
}

func TestUnknownDocumentIsReportedOnce(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `resource "aws_ecs_task_definition" "t" {
  family                = "t"
  container_definitions = jsonencode(module.defs.list)
}
`})
	r := get(t, loadAll(t, dir, Options{}), "aws_ecs_task_definition.t")
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].RuleID != "ERR002" || r.Diagnostics[0].Range.Start.Line != 3 {
		t.Errorf("diagnostics = %+v, want one ERR002 at line 3", r.Diagnostics)
	}
	verify(t, r, []check{{[]any{"containerDefinitions"}, "${module.defs.list}", "main.tf:3"}})
}

func TestTemplateFileDataSource(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf": `data "template_file" "defs" {
  template = file("${path.module}/defs.json")
  vars = {
    image = "app:latest"
  }
}

resource "aws_ecs_task_definition" "t" {
  family                = "t"
  container_definitions = data.template_file.defs.rendered
}

resource "aws_ecs_task_definition" "indexed" {
  family                = "i"
  container_definitions = data.template_file.defs[0].rendered
}
`,
		"defs.json": "[\n  {\n    \"name\": \"app\",\n    \"image\": \"${image}\"\n  }\n]\n",
	})
	rs := loadAll(t, dir, Options{})
	verify(t, get(t, rs, "aws_ecs_task_definition.t"), []check{
		{[]any{"containerDefinitions", 0, "image"}, "app:latest", "defs.json:4"},
	})
	if d := get(t, rs, "aws_ecs_task_definition.indexed").Diagnostics; len(d) != 1 || d[0].RuleID != "ERR002" {
		t.Errorf("indexed data source diagnostics = %+v", d)
	}
}

func TestPlanUnknownContainerDefinitions(t *testing.T) {
	doc := `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
  {"address": "aws_ecs_task_definition.t", "mode": "managed", "type": "aws_ecs_task_definition", "name": "t",
   "values": {"family": "t"}}]}},
 "resource_changes": [{"address": "aws_ecs_task_definition.t", "change": {"after_unknown": {"container_definitions": true}}}]}`
	root, err := source.ParseJSON("plan.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := LoadPlan("plan.json", root)
	r := get(t, byName(rs), "aws_ecs_task_definition.t")
	verify(t, r, []check{{[]any{"containerDefinitions"}, unknownInPlan, ""}})
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].RuleID != "ERR002" {
		t.Errorf("diagnostics = %+v, want one ERR002", r.Diagnostics)
	}
}

func TestAccountSettingDefaultsJoinClusters(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `resource "aws_ecs_account_setting_default" "ci" {
  name  = "containerInsights"
  value = "enabled"
}
resource "aws_ecs_cluster" "c" {
  name = "c"
}
`})
	verify(t, get(t, loadAll(t, dir, Options{}), "aws_ecs_cluster.c"), []check{
		{[]any{"accountSettingDefaults", 0, "value"}, "enabled", "main.tf:3"},
	})
}

func TestIAMPolicyDocumentDataSource(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `resource "aws_ecr_repository" "r" {
  name = "r"
}

data "aws_iam_policy_document" "p" {
  statement {
    effect  = "Deny"
    actions = ["ecr:DeleteRepository"]
    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::1:root"]
    }
  }
  statement {
    actions = ["ecr:BatchGetImage"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["1"]
    }
  }
}

resource "aws_ecr_repository_policy" "r" {
  repository = aws_ecr_repository.r.name
  policy     = data.aws_iam_policy_document.p.json
}
`})
	verify(t, get(t, loadAll(t, dir, Options{}), "aws_ecr_repository.r"), []check{
		{[]any{"repositoryPolicy", "Version"}, "2012-10-17", ""},
		{[]any{"repositoryPolicy", "Statement", 0, "Effect"}, "Deny", "main.tf:7"},
		{[]any{"repositoryPolicy", "Statement", 0, "NotPrincipal", "AWS"}, []string{"arn:aws:iam::1:root"}, "main.tf:11"},
		{[]any{"repositoryPolicy", "Statement", 1}, nil, "main.tf:14"},
		{[]any{"repositoryPolicy", "Statement", 1, "Effect"}, "Allow", "main.tf:14"},
		{[]any{"repositoryPolicy", "Statement", 1, "Principal"}, "*", "main.tf:16"},
		{[]any{"repositoryPolicy", "Statement", 1, "Condition", "StringEquals", "aws:SourceAccount"}, []string{"1"}, "main.tf:22"},
	})
}

func TestDynamicBlocks(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `variable "strategies" {
  default = []
}

resource "aws_ecs_cluster" "c" {
  name = "c"
  dynamic "setting" {
    for_each = { containerInsights = "enhanced", other = "x" }
    content {
      name  = setting.key
      value = setting.value
    }
  }
}

resource "aws_ecs_service" "s" {
  name        = "s"
  launch_type = "FARGATE"
  dynamic "capacity_provider_strategy" {
    for_each = var.strategies
    content {
      capacity_provider = capacity_provider_strategy.value
    }
  }
  dynamic "load_balancer" {
    for_each = toset(["a"])
    iterator = lb
    content {
      container_name = lb.value
    }
  }
}
`})
	rs := loadAll(t, dir, Options{})
	verify(t, get(t, rs, "aws_ecs_cluster.c"), []check{
		{[]any{"settings"}, []map[string]string{{"name": "containerInsights", "value": "enhanced"}, {"name": "other", "value": "x"}}, ""},
		{[]any{"settings", 1}, nil, "main.tf:7"},
		{[]any{"settings", 0, "value"}, nil, "main.tf:11"},
	})
	verify(t, get(t, rs, "aws_ecs_service.s"), []check{
		{[]any{"loadBalancers", 0, "containerName"}, "a", "main.tf:29"},
	})
	if v := at(get(t, rs, "aws_ecs_service.s").Spec, "capacityProviderStrategy"); v != nil {
		t.Errorf("an empty dynamic block produced capacityProviderStrategy %v", v)
	}
}

func TestTerraformJSONDynamicBlocks(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf.json": `{
  "resource": {"aws_ecs_cluster": {"c": {
    "name": "c",
    "dynamic": {
      "setting": {
        "for_each": "${var.settings}",
        "content": {"name": "${setting.key}", "value": "${setting.value}"}
      },
      "service_connect_defaults": {"for_each": [], "content": {"namespace": "x"}}
    }
  }}}
}
`})
	r := get(t, loadAll(t, dir, Options{}), "aws_ecs_cluster.c")
	verify(t, r, []check{{[]any{"settings", 0, "value"}, "${setting.value}", "main.tf.json:7"}})
	if at(r.Spec, "serviceConnectDefaults") != nil {
		t.Error("an empty dynamic block was kept")
	}
}

func TestVariableTypeConstraints(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `variable "cluster" {
  type = object({
    name     = string
    insights = optional(string, "enhanced")
  })
  default = { name = "main" }
}

variable "retention" {
  type    = number
  default = "14"
}

resource "aws_ecs_cluster" "c" {
  name = var.cluster.name
  setting {
    name  = "containerInsights"
    value = var.cluster.insights
  }
}

resource "aws_cloudwatch_log_group" "g" {
  retention_in_days = var.retention
}
`})
	rs := loadAll(t, dir, Options{})
	verify(t, get(t, rs, "aws_ecs_cluster.c"), []check{
		{[]any{"clusterName"}, "main", "main.tf:15"},
		{[]any{"settings", 0, "value"}, "enhanced", "main.tf:18"},
	})
	verify(t, get(t, rs, "aws_cloudwatch_log_group.g"), []check{{[]any{"retentionInDays"}, 14, "main.tf:23"}})
}

func TestLocalModuleOutputs(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf": `module "web" {
  source = "./container"
  name   = "web"
  tag    = "latest"
}

module "many" {
  source   = "./container"
  for_each = toset(["a"])
  name     = each.key
  tag      = "1.0"
}

module "each_value" {
  source   = "./container"
  for_each = { api = { tag = "2.0" }, worker = { tag = "latest" } }
  name     = each.key
  tag      = each.value.tag
}

variable "names" {
  type = set(string)
}

module "unknown" {
  source   = "./container"
  for_each = var.names
  name     = each.key
  tag      = "1.0"
}

resource "aws_ecs_task_definition" "t" {
  family                = "t"
  container_definitions = jsonencode([module.web.definition, module.many["a"].definition, module.unknown["x"].definition])
}

resource "aws_ecs_task_definition" "all" {
  family                = "all"
  container_definitions = jsonencode([for k, m in module.each_value : m.definition])
}
`,
		"container/main.tf": `variable "name" {}
variable "tag" {}
output "definition" {
  value = {
    name  = var.name
    image = "example/${var.name}:${var.tag}"
  }
}
`,
	})
	rs := loadAll(t, dir, Options{})
	verify(t, get(t, rs, "aws_ecs_task_definition.t"), []check{
		{[]any{"containerDefinitions", 0, "image"}, "example/web:latest", "main.tf:34"},
		{[]any{"containerDefinitions", 1, "image"}, "example/a:1.0", "main.tf:34"},
		{[]any{"containerDefinitions", 2}, `${module.unknown["x"].definition}`, "main.tf:34"},
	})
	if d := get(t, rs, "aws_ecs_task_definition.t").Diagnostics; len(d) != 1 || d[0].RuleID != "ERR002" || !strings.Contains(d[0].Message, "element 2") {
		t.Errorf("diagnostics = %+v, want one ERR002 for element 2", d)
	}
	// A known for_each is expanded: module.each_value is a map of instances.
	verify(t, get(t, rs, "aws_ecs_task_definition.all"), []check{
		{[]any{"containerDefinitions", 0, "image"}, "example/api:2.0", "main.tf:39"},
		{[]any{"containerDefinitions", 1, "image"}, "example/worker:latest", "main.tf:39"},
	})
}

func TestJSONDecodeFileKeepsPositions(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf": `resource "aws_ecs_task_definition" "t" {
  family                = "t"
  container_definitions = jsonencode(jsondecode(file("${path.module}/defs.json")))
}
`,
		"defs.json": "[\n  {\n    \"name\": \"app\",\n    \"image\": \"app:latest\"\n  }\n]\n",
	})
	verify(t, get(t, loadAll(t, dir, Options{}), "aws_ecs_task_definition.t"), []check{
		{[]any{"containerDefinitions", 0, "image"}, "app:latest", "defs.json:4"},
	})
}

func TestResourceInstances(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf": `variable "on" {
  default = false
}

variable "names" {}

resource "aws_cloudwatch_log_group" "off" {
  count = var.on ? 1 : 0
  name  = "off"
}

resource "aws_cloudwatch_log_group" "none" {
  for_each = toset([])
  name     = each.key
}

resource "aws_cloudwatch_log_group" "known" {
  for_each          = { api = 7, web = 30 }
  name              = "/${each.key}"
  retention_in_days = each.value
}

resource "aws_cloudwatch_log_group" "unknown" {
  for_each = var.names
  name     = each.key
}

resource "aws_cloudwatch_log_group" "counted" {
  count = 2
  name  = "counted"
}
`})
	rs, errs := LoadModule(dir, nil, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string]bool{}
	for _, r := range rs {
		got[r.Name] = true
	}
	for _, name := range []string{`aws_cloudwatch_log_group.known["api"]`, `aws_cloudwatch_log_group.known["web"]`,
		"aws_cloudwatch_log_group.unknown", "aws_cloudwatch_log_group.counted"} {
		if !got[name] {
			t.Errorf("no resource %s in %v", name, got)
		}
	}
	if len(rs) != 4 {
		t.Errorf("got %d resources %v, want 4 (count 0 and an empty for_each declare none)", len(rs), got)
	}
	verify(t, byName(rs)[`aws_cloudwatch_log_group.known["web"]`], []check{{[]any{"retentionInDays"}, 30, "main.tf:20"}})
}

func TestBriefQuotesLongExpressionsOnOneLine(t *testing.T) {
	if got := brief("replace(\n  local.x,\n  \"a\", var.b)"); got != `replace( local.x, "a", var.b)` {
		t.Errorf("brief = %q", got)
	}
	long := strings.Repeat("replace(", 20)
	if got := []rune(brief(long)); len(got) != maxQuoted+1 || got[maxQuoted] != '…' {
		t.Errorf("brief(long) = %q, want %d characters and an ellipsis", string(got), maxQuoted)
	}
}

func TestNeutralizeValuesKeepsKeysAndNull(t *testing.T) {
	in := `"privileged": true, "user": "0", "cpu": -1.5e3, "x": null, "hc": {"command": ["CMD", "a\"b"]},`
	pos := make([]source.Pos, len([]rune(in)))
	got, gotPos := neutralizeValues(in, pos, `"?"`)
	want := `"privileged": "?", "user": "?", "cpu": "?", "x": null, "hc": {"command": ["?", "?"]},`
	if got != want {
		t.Errorf("neutralizeValues = %s\nwant %s", got, want)
	}
	if len(gotPos) != len([]rune(got)) {
		t.Errorf("%d positions for %d characters", len(gotPos), len([]rune(got)))
	}
}

func TestMaybeElementKeepsSeparators(t *testing.T) {
	cases := map[string]string{
		`{ "name": "xray" },`:  `"?",`,
		`, { "name": "xray" }`: `,"?"`,
		`{ "name": "xray" }`:   `"?"`,
	}
	for in, want := range cases {
		if got, ok := maybeElement(in, `"?"`); !ok || got != want {
			t.Errorf("maybeElement(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := maybeElement(` "user": "1000",`, `"?"`); ok {
		t.Error("object members are not array elements")
	}
}

func TestOpenObjectIsValue(t *testing.T) {
	cases := map[string]bool{
		`[{"name": "app", "dockerLabels": {`:            true,
		`[{"name": "app", "dockerLabels": {"a": "b"}, `: false,
		`[{"name": "a{", `:                              false,
		`{"options": {"k": "\"}", `:                     true,
		`[`:                                             false,
	}
	for in, want := range cases {
		if got := openObjectIsValue(in); got != want {
			t.Errorf("openObjectIsValue(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestUnevaluatedRepositoryPolicyIsSaid: ECR004 judges a repository
// policy's content, so one that cannot be evaluated is an ERR002 on the
// repository (it was dropped without a word); an unknown lifecycle policy
// only needs to be there and says nothing.
func TestUnevaluatedRepositoryPolicyIsSaid(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `
variable "policy" {}
variable "lifecycle" {}

resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = var.policy
}

resource "aws_ecr_lifecycle_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = var.lifecycle
}
`})
	r := get(t, loadAll(t, dir, Options{}), "aws_ecr_repository.app")
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].RuleID != "ERR002" || r.Diagnostics[0].Range.Start.Line != 11 {
		t.Fatalf("diagnostics = %+v, want one ERR002 at the repository policy (line 11)", r.Diagnostics)
	}
}
