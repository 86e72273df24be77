// Package corpus writes generated input files for benchmarks: many
// realistic, varied resources per format, deterministic for a given count.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Writer generates one file's content for resource number i.
type Writer struct {
	Ext  string // file name suffix, e.g. ".json"
	Each int    // resources per file
	// PerDir is the number of files per folder (default 100); Terraform
	// needs 1, since a folder is a module.
	PerDir int
	Gen    func(i int) string
}

// Write creates n files of w under dir, spread over sub-folders of
// w.PerDir files, and returns the number of resources written.
func Write(dir string, n int, w Writer) (int, error) {
	per := w.PerDir
	if per == 0 {
		per = 100
	}
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%04d", i/per))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return 0, err
		}
		name := filepath.Join(sub, fmt.Sprintf("r%05d%s", i, w.Ext))
		if err := os.WriteFile(name, []byte(w.Gen(i)), 0o644); err != nil {
			return 0, err
		}
	}
	return n * w.Each, nil
}

// ECSTaskDefinition is a Fargate or EC2 task definition with an app
// container, and on every other one a log-router and an X-Ray sidecar.
var ECSTaskDefinition = Writer{Ext: ".taskdef.json", Each: 1, Gen: func(i int) string {
	compat, mode := `"FARGATE"`, `"networkMode": "awsvpc",`
	if i%3 == 0 {
		compat, mode = `"EC2"`, ""
	}
	tag := fmt.Sprintf("1.%d.%d", i%7, i%11)
	if i%5 == 0 {
		tag = "latest"
	}
	var sidecars string
	if i%2 == 0 {
		sidecars = `,
    {"name": "log-router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2", "essential": false,
     "firelensConfiguration": {"type": "fluentbit"}, "memoryReservation": 50, "user": "0"},
    {"name": "xray", "image": "public.ecr.aws/xray/aws-xray-daemon:3.3.7", "essential": false, "cpu": 32,
     "portMappings": [{"containerPort": 2000, "protocol": "udp"}]}`
	}
	return fmt.Sprintf(`{
  "family": "svc-%[1]d",
  %[2]s
  "requiresCompatibilities": [%[3]s],
  "cpu": "512",
  "memory": "1024",
  "executionRoleArn": "arn:aws:iam::123456789012:role/exec-%[1]d",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/svc-%[1]d:%[4]s",
      "essential": true,
      "portMappings": [{"containerPort": 8080, "hostPort": 8080, "protocol": "tcp"}],
      "environment": [
        {"name": "LOG_LEVEL", "value": "info"},
        {"name": "API_TOKEN", "value": "tok-%[1]d-0123456789abcdef"},
        {"name": "DB_HOST", "value": "db-%[1]d.internal"}
      ],
      "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db-%[1]d"}],
      "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], "interval": 30},
      "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/svc-%[1]d", "awslogs-region": "us-east-1"}}
    }%[5]s
  ]
}
`, i, mode, compat, tag, sidecars)
}}

// ECSService is a create-service input, with and without a circuit breaker.
var ECSService = Writer{Ext: ".service.json", Each: 1, Gen: func(i int) string {
	breaker := ""
	if i%2 == 0 {
		breaker = `"deploymentCircuitBreaker": {"enable": true, "rollback": true},`
	}
	return fmt.Sprintf(`{
  "cluster": "prod",
  "serviceName": "svc-%[1]d",
  "taskDefinition": "svc-%[1]d:3",
  "desiredCount": %[2]d,
  "launchType": "FARGATE",
  "deploymentConfiguration": {%[3]s "maximumPercent": 200, "minimumHealthyPercent": %[4]d},
  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"], "assignPublicIp": "%[5]s"}},
  "enableExecuteCommand": %[6]v
}
`, i, 1+i%4, breaker, 50*(i%3), strings.ToUpper(map[bool]string{true: "enabled", false: "disabled"}[i%4 == 0]), i%3 == 0)
}}

// KubernetesDeployments is a multi-document file: a Deployment with an app
// container and a sidecar, a Service and a CronJob.
var KubernetesDeployments = Writer{Ext: ".yaml", Each: 3, Gen: func(i int) string {
	tag := fmt.Sprintf("1.%d.%d", i%9, i%13)
	if i%4 == 0 {
		tag = "latest"
	}
	return fmt.Sprintf(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-%[1]d
  namespace: team-%[2]d
  labels: {app: web-%[1]d}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web-%[1]d}
  template:
    metadata:
      labels: {app: web-%[1]d}
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: web
          image: ghcr.io/acme/web-%[1]d:%[3]s
          ports: [{containerPort: 8080}]
          env:
            - {name: LOG_LEVEL, value: info}
            - {name: API_TOKEN, value: "tok-%[1]d-0123456789abcdef"}
            - name: DB_PASSWORD
              valueFrom: {secretKeyRef: {name: db, key: password}}
          readinessProbe: {httpGet: {path: /ready, port: 8080}}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
        - name: proxy
          image: envoyproxy/envoy:v1.29.1
          securityContext: {privileged: %[4]v}
---
apiVersion: v1
kind: Service
metadata: {name: web-%[1]d, namespace: team-%[2]d}
spec:
  selector: {app: web-%[1]d}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: cleanup-%[1]d, namespace: team-%[2]d}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: cleanup
              image: busybox:1.36
              command: [sh, -c, "echo cleanup"]
`, i, i%10, tag, i%7 == 0)
}}

// TerraformStack is a module with a cluster, repository, log group, task
// definition (jsonencode) and service.
var TerraformStack = Writer{Ext: ".tf", Each: 5, PerDir: 1, Gen: func(i int) string {
	return fmt.Sprintf(`variable "tag" {
  default = "1.%[1]d.0"
}

locals {
  name = "svc-%[1]d"
}

resource "aws_ecs_cluster" "c%[1]d" {
  name = local.name
  setting {
    name  = "containerInsights"
    value = "%[2]s"
  }
}

resource "aws_ecr_repository" "r%[1]d" {
  name                 = local.name
  image_tag_mutability = "MUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_cloudwatch_log_group" "l%[1]d" {
  name              = "/ecs/${local.name}"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "t%[1]d" {
  family                   = local.name
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = "arn:aws:iam::123456789012:role/exec"
  container_definitions = jsonencode([
    {
      name      = "app"
      image     = "${aws_ecr_repository.r%[1]d.repository_url}:${var.tag}"
      essential = true
      environment = [
        { name = "LOG_LEVEL", value = "info" },
        { name = "SECRET_KEY", value = "s3cr3t-value-%[1]d" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options   = { awslogs-group = aws_cloudwatch_log_group.l%[1]d.name, awslogs-region = "us-east-1" }
      }
    }
  ])
}

resource "aws_ecs_service" "s%[1]d" {
  name            = local.name
  cluster         = aws_ecs_cluster.c%[1]d.id
  task_definition = aws_ecs_task_definition.t%[1]d.arn
  desired_count   = 2
  launch_type     = "FARGATE"
  deployment_circuit_breaker {
    enable   = %[3]v
    rollback = true
  }
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = false
  }
}
`, i, map[bool]string{true: "enabled", false: "disabled"}[i%2 == 0], i%3 != 0)
}}

// Dockerfile is a two-stage build with the usual apt and curl steps.
var Dockerfile = Writer{Ext: ".Dockerfile", Each: 1, Gen: func(i int) string {
	return fmt.Sprintf(`# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
FROM golang:${GO_VERSION} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app-%[1]d ./cmd/app

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL https://example.com/install-%[1]d.sh | bash
ENV APP_MODE=production API_KEY=key-%[1]d-abcdef0123456789
COPY --from=build /out/app-%[1]d /usr/local/bin/app
USER %[2]s
EXPOSE 8080
HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1
ENTRYPOINT ["/usr/local/bin/app"]
`, i, map[bool]string{true: "root", false: "10001"}[i%5 == 0])
}}
