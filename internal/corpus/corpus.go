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
	Gen  func(i int) string
}

// Write creates n files of w under dir, spread over sub-folders of 100
// files, and returns the number of resources written.
func Write(dir string, n int, w Writer) (int, error) {
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%03d", i/100))
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
