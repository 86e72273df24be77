package ecs

import (
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

func load(t *testing.T, doc string) []*resource.Resource {
	t.Helper()
	root, err := source.ParseJSON("f.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	rs, errs := Load("f.json", root)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return rs
}

func TestShapes(t *testing.T) {
	tests := []struct {
		name, doc string
		kinds     []string
		names     []string
	}{
		{"register input", `{"family":"app","containerDefinitions":[]}`, []string{resource.ECSTaskDefinition}, []string{"app"}},
		{"describe output", `{"taskDefinition":{"family":"app","revision":7,"containerDefinitions":[]},"tags":[]}`, []string{resource.ECSTaskDefinition}, []string{"app:7"}},
		{"boto3 describe response", `{"taskDefinition":{"family":"app","containerDefinitions":[]},"ResponseMetadata":{"HTTPStatusCode":200}}`,
			[]string{resource.ECSTaskDefinition}, []string{"app"}},
		{"create-service input", `{"serviceName":"web","taskDefinition":"app:1"}`, []string{resource.ECSService}, []string{"web"}},
		{"create-service input with typos", `{"serviceName":"web","taskDefinition":"app:1","desiredcount":2,"launchtype":"EC2","cluster":"c","role":"r"}`,
			[]string{resource.ECSService}, []string{"web"}},
		{"create-service output", `{"service":{"serviceName":"web","serviceArn":"arn"}}`, []string{resource.ECSService}, []string{"web"}},
		{"update-service input", `{"service":"web","taskDefinition":"app:2"}`, []string{resource.ECSService}, []string{"web"}},
		{"service definition without a name (ecspresso)", `{"launchType":"FARGATE","desiredCount":2,"deploymentConfiguration":{},"propagateTags":"NONE"}`,
			[]string{resource.ECSService}, []string{"f"}},
		{"describe-services", `{"services":[{"serviceName":"a","taskDefinition":"x"},{"serviceName":"b","taskDefinition":"y"}],"failures":[]}`,
			[]string{resource.ECSService, resource.ECSService}, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := load(t, tt.doc)
			if len(rs) != len(tt.kinds) {
				t.Fatalf("got %d resources, want %d", len(rs), len(tt.kinds))
			}
			for i, r := range rs {
				if r.Kind != tt.kinds[i] || r.Name != tt.names[i] {
					t.Errorf("resource %d = %s %q, want %s %q", i, r.Kind, r.Name, tt.kinds[i], tt.names[i])
				}
			}
		})
	}
}

func TestNotECS(t *testing.T) {
	for _, doc := range []string{`{"name":"pkg","version":"1.0.0"}`, `[1,2]`, `{"apiVersion":"v1","kind":"Pod"}`, `{"serviceName":"only"}`,
		// A deploy tool's config with a task definition template inside.
		`{"accountId":"1","serviceName":"api","clusterName":"c","taskDefinition":{"template":"arn:ssm","containerDefinitions":[{"name":"api","image":"api"}]}}`,
		// Elastic Beanstalk's Dockerrun.aws.json v2: Beanstalk, not ECS input.
		`{"AWSEBDockerrunVersion":2,"containerDefinitions":[{"name":"web","image":"nginx","memory":128}]}`} {
		root, err := source.ParseJSON("f.json", []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		if Detect(root) {
			t.Errorf("Detect(%s) = true", doc)
		}
	}
}

func TestIndexIsRelativeToWrapper(t *testing.T) {
	rs := load(t, `{
  "taskDefinition": {
    "family": "app",
    "containerDefinitions": [
      {
        "name": "web",
        "privileged": true
      }
    ]
  }
}`)
	r := rs[0]
	for _, c := range []struct {
		path source.Path
		line int
	}{
		{source.Path{"containerDefinitions", 0, "privileged"}, 7},
		{source.Path{"containerDefinitions", 0}, 6},
		{source.Path{"containerDefinitions", 0, "healthCheck"}, 6},
		{source.Path{}, 3},
	} {
		if got := r.Locate(c.path).Start.Line; got != c.line {
			t.Errorf("Locate(%v) line = %d, want %d", c.path, got, c.line)
		}
	}
}

// TestNotAService: documents that merely share a few service field names
// are not services.
func TestNotAService(t *testing.T) {
	docs := map[string]string{
		"one service-only field": `{"desiredCount":2,"launchType":"FARGATE","cluster":"c"}`,
		"run-task input": `{"cluster":"c","taskDefinition":"t:1","count":1,"launchType":"FARGATE","platformVersion":"1.4.0",
			"enableExecuteCommand":true,"propagateTags":"TASK_DEFINITION","networkConfiguration":{"awsvpcConfiguration":{"subnets":["s"]}}}`,
		"a deploy tool config": `{"desiredCount":2,"launchType":"FARGATE","loadBalancers":[],"image":"app:1","envFile":".env","region":"eu-west-1"}`,
		"deploy script config": `{"cluster":"prod","serviceName":"api","containerName":"api","region":"eu-west-1","image":"api:1"}`,
		"container list owner": `{"desiredCount":2,"launchType":"FARGATE","loadBalancers":[],"containerDefinitions":"x"}`,
		"a deploy tool's list of services (in4it ecs-deploy)": `{"services":[{"cluster":"c","serviceName":"nginx","servicePort":80,
			"serviceProtocol":"HTTP","desiredCount":1,"containers":[{"containerName":"nginx","containerURI":"nginx:alpine"}],"healthCheck":{"path":"/"}}]}`,
		"a deploy tool's service wrapper": `{"service":{"serviceName":"api","cluster":"c","desiredCount":1,"servicePort":80,"serviceProtocol":"HTTP","containers":[]}}`,
		"a deploy script's config naming the service": `{"cluster":"prod","service":"api","taskDefinition":".aws/task-definition.json",
			"containerName":"app","region":"eu-west-1","waitForStability":true}`,
		"create-task-set input": `{"cluster":"c","service":"svc","externalId":"blue-green","taskDefinition":"t:1","launchType":"FARGATE",
			"loadBalancers":[],"scale":{"unit":"PERCENT","value":100}}`,
	}
	for name, doc := range docs {
		root, err := source.ParseJSON("f.json", []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range find(root) {
			if f.kind == resource.ECSService {
				t.Errorf("%s: read as a service", name)
			}
		}
	}
}
