package kubernetes

import (
	"sort"
	"strings"
	"testing"
)

func TestWrongTypesAreSCH002(t *testing.T) {
	rs := load(t, `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  template:
    spec:
      hostNetwork: "true"
      securityContext: "nope"
      containers:
      - name: web
        image: nginx:1.27
        securityContext:
          runAsUser: app
          runAsGroup: "1000"
          privileged: "yes"
          capabilities: {add: NET_ADMIN, drop: [ALL]}
        ports:
        - containerPort: "8080"
        env:
        - {name: PORT, value: 8080}
        - {name: DEBUG, value: yes}
        - {name: EMPTY, value: null}
        - {name: FROM_CI, value: "${PORT}"}
        - {name: OK, value: "1"}
      - just a string
`)
	got := map[string]string{}
	for _, d := range rs[0].Diagnostics {
		if d.RuleID == invalidValue {
			got[dotted(d.Path)] = d.Message
		}
	}
	want := []string{
		"spec.template.spec.containers[0].env[0].value",
		"spec.template.spec.containers[0].env[1].value",
		"spec.template.spec.containers[0].ports[0].containerPort",
		"spec.template.spec.containers[0].securityContext.capabilities.add",
		"spec.template.spec.containers[0].securityContext.privileged",
		"spec.template.spec.containers[0].securityContext.runAsGroup",
		"spec.template.spec.containers[0].securityContext.runAsUser",
		"spec.template.spec.containers[1]",
		"spec.template.spec.hostNetwork",
		"spec.template.spec.securityContext",
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if strings.Join(keys, "\n") != strings.Join(want, "\n") {
		t.Fatalf("SCH002 at:\n%s\nwant:\n%s", strings.Join(keys, "\n"), strings.Join(want, "\n"))
	}
	for path, part := range map[string]string{
		"spec.template.spec.containers[0].env[0].value":                     `not the number 8080: the API server rejects the manifest; quote it ("8080")`,
		"spec.template.spec.containers[0].env[1].value":                     "YAML reads unquoted true, false, yes, no, on and off as booleans",
		"spec.template.spec.containers[0].securityContext.runAsGroup":       "write 1000 without quotes",
		"spec.template.spec.containers[0].securityContext.runAsUser":        `must be an integer, not the string "app"`,
		"spec.template.spec.containers[0].securityContext.capabilities.add": "must be a list",
	} {
		if !strings.Contains(got[path], part) {
			t.Errorf("%s: %q lacks %q", path, got[path], part)
		}
	}

	// Wrong types are taken out for the rules; quoted booleans and
	// integers are kept, as the rules read them as meant.
	pod := rs[0].Spec.(map[string]any)["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)
	if _, ok := pod["securityContext"]; ok {
		t.Error("securityContext string kept")
	}
	if pod["hostNetwork"] != "true" {
		t.Errorf("quoted boolean dropped: %#v", pod["hostNetwork"])
	}
	containers := pod["containers"].([]any)
	sc := containers[0].(map[string]any)["securityContext"].(map[string]any)
	if _, ok := sc["runAsUser"]; ok || sc["runAsGroup"] != "1000" {
		t.Errorf("securityContext after the check: %#v", sc)
	}
	if _, ok := sc["privileged"]; ok {
		t.Error(`privileged: "yes" kept`)
	}
	if containers[1] != nil {
		t.Errorf("a container that is not an object is kept: %#v", containers[1])
	}
}

func TestTypesOnlyOnPodSpecs(t *testing.T) {
	rs := load(t, "apiVersion: example.com/v1\nkind: Widget\nmetadata: label\nspec: [1, 2]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {port: 8080}\n")
	for _, r := range rs {
		if len(r.Diagnostics) > 0 {
			t.Errorf("%s: %v", r.Name, r.Diagnostics)
		}
	}
}

// A Cloud Run job keeps its containers in the task template, two levels
// down; a Kubernetes Job in spec.template.spec.
func TestCloudRunJobPodSpec(t *testing.T) {
	rs := load(t, `apiVersion: run.googleapis.com/v1
kind: Job
metadata: {name: export}
spec:
  template:
    spec:
      taskCount: 1
      template:
        spec:
          containers:
          - image: exporter:1.0
            env: [{name: PORT, value: 8080}]
`)
	var got []string
	for _, d := range rs[0].Diagnostics {
		if d.RuleID == invalidValue {
			got = append(got, dotted(d.Path))
		}
	}
	if len(got) != 1 || got[0] != "spec.template.spec.template.spec.containers[0].env[0].value" {
		t.Errorf("SCH002 at %v", got)
	}
}

// A wrong-typed value never prints in a message where it may be a secret:
// under a secret-looking name, or a string where a list or object belongs.
func TestWrongTypesDoNotPrintSecrets(t *testing.T) {
	rs := load(t, `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: nginx:1.27
    env:
    - {name: DB_PASSWORD, value: 98765432109876}
    - {name: API_TOKEN, value: [LeakyToken-Juliet-123]}
    - DB_PASSWORD=LeakyList-Kilo-123456
  - name: b
    image: nginx:1.27
    env: "SECRET=LeakyString-Lima-1234"
`)
	var msgs []string
	for _, d := range rs[0].Diagnostics {
		if d.RuleID == invalidValue {
			msgs = append(msgs, d.Message)
		}
	}
	if len(msgs) != 4 {
		t.Fatalf("got %d SCH002, want 4: %q", len(msgs), msgs)
	}
	for _, m := range msgs {
		for _, leak := range []string{"98765432109876", "Leaky"} {
			if strings.Contains(m, leak) {
				t.Errorf("message shows the value: %q", m)
			}
		}
	}
	if !strings.Contains(strings.Join(msgs, "\n"), "must be a string, not a number: the API server rejects the manifest; quote it") {
		t.Errorf("no SCH002 for the password written as a number: %q", msgs)
	}
}
