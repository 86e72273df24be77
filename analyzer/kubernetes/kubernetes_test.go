package kubernetes

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

func load(t *testing.T, doc string) []*resource.Resource {
	t.Helper()
	rs, errs := Load("m.yaml", []byte(doc))
	if len(errs) > 0 {
		t.Fatalf("Load: %v", errs)
	}
	return rs
}

// at returns "line:col-line:col" of path p in r.
func at(t *testing.T, r *resource.Resource, p ...any) string {
	t.Helper()
	rg, ok := r.Index.Locate(source.Path(p))
	if !ok {
		t.Fatalf("%v not indexed", p)
	}
	return spanString(rg)
}

func spanString(rg source.Range) string {
	return fmt.Sprintf("%03d:%03d-%03d:%03d", rg.Start.Line, rg.Start.Col, rg.End.Line, rg.End.Col)
}

const deployment = `# a comment-only preamble
---
%YAML 1.2
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
spec:
  template:
    spec:
      containers:
        - name: app
          image: "nginx:latest"
          securityContext: {privileged: true, runAsUser: 0}
          env:
            - name: KEY
              value: |
                line one
                line two
            - {name: B, value: 'it''s'}
---
# only a comment
---
apiVersion: v1
kind: Service
metadata: {name: web}
...
`

func TestMultiDocumentPositions(t *testing.T) {
	rs := load(t, deployment)
	if len(rs) != 2 {
		t.Fatalf("got %d resources, want 2", len(rs))
	}
	d := rs[0]
	if d.Name != "prod/Deployment/web" || d.Kind != resource.Kubernetes || d.Format != "kubernetes" {
		t.Errorf("resource = %q %q %q", d.Name, d.Kind, d.Format)
	}
	if rs[1].Name != "Service/web" {
		t.Errorf("second name = %q", rs[1].Name)
	}
	c := []any{"spec", "template", "spec", "containers", 0}
	cases := []struct {
		path []any
		want string
	}{
		{append(c[:len(c):len(c)], "image"), "015:011-015:032"},
		{c, "014:011-014:020"},
		{append(c[:len(c):len(c)], "securityContext", "privileged"), "016:029-016:045"},
		{append(c[:len(c):len(c)], "securityContext", "runAsUser"), "016:047-016:059"},
		{append(c[:len(c):len(c)], "env", 0, "value"), "019:015-021:025"},
		{append(c[:len(c):len(c)], "env", 1, "value"), "022:025-022:039"},
		{[]any{"metadata", "namespace"}, "009:003-009:018"},
	}
	for _, tc := range cases {
		if got := at(t, d, tc.path...); got != tc.want {
			t.Errorf("%v at %s, want %s", tc.path, got, tc.want)
		}
	}
	spec := d.Spec.(map[string]any)
	env := lookup(spec, source.Path{"spec", "template", "spec", "containers"}).([]any)[0].(map[string]any)["env"].([]any)
	if v := env[0].(map[string]any)["value"]; v != "line one\nline two\n" {
		t.Errorf("block scalar = %q", v)
	}
}

func TestListItemsAreResources(t *testing.T) {
	rs := load(t, `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: a}
    spec:
      containers: [{name: c, image: x}]
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: b}
`)
	if len(rs) != 2 || rs[0].Name != "Pod/a" || rs[1].Name != "ConfigMap/b" {
		t.Fatalf("got %v", names(rs))
	}
	if got := at(t, rs[0], "spec", "containers", 0, "image"); got != "008:030-008:038" {
		t.Errorf("item index not relative to the item: %s", got)
	}
	if _, ok := rs[0].Spec.(map[string]any)["items"]; ok {
		t.Error("item spec holds the List")
	}
}

func TestTemplateObjectsAreResources(t *testing.T) {
	rs := load(t, `apiVersion: template.openshift.io/v1
kind: Template
metadata: {name: app}
objects:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    replicas: ${{REPLICAS}}
    template:
      spec:
        containers: [{name: web, image: "${IMAGE}:${TAG}"}]
- apiVersion: v1
  kind: Service
  metadata: {name: web}
parameters:
- name: TAG
  value: latest
`)
	if len(rs) != 2 || rs[0].Name != "Deployment/web" || rs[1].Name != "Service/web" {
		t.Fatalf("got %v", names(rs))
	}
	if got := at(t, rs[0], "spec", "template", "spec", "containers", 0, "image"); !strings.HasPrefix(got, "012:") {
		t.Errorf("object position = %s, want line 12", got)
	}
	// A Template of another API group, or one without objects, is an
	// object like any other.
	other := load(t, "apiVersion: example.com/v1\nkind: Template\nmetadata: {name: t}\nobjects: []\n")
	if len(other) != 1 || other[0].Name != "Template/t" {
		t.Errorf("other Template: got %v", names(other))
	}
}

func names(rs []*resource.Resource) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Name)
	}
	return out
}

func TestAliasPointsAtItsUse(t *testing.T) {
	rs := load(t, `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      securityContext: &sc
        privileged: true
    - name: b
      securityContext: *sc
      resources:
        <<: &res {limits: {memory: 1Gi}}
        requests: {cpu: 100m}
`)
	p := rs[0]
	if got := at(t, p, "spec", "containers", 0, "securityContext", "privileged"); !strings.HasPrefix(got, "008:") {
		t.Errorf("anchored value at %s, want line 8", got)
	}
	if got := at(t, p, "spec", "containers", 1, "securityContext", "privileged"); got != "010:024-010:027" {
		t.Errorf("aliased value at %s, want the alias on line 10", got)
	}
	c := lookup(p.Spec, source.Path{"spec", "containers"}).([]any)[1].(map[string]any)
	if lim := lookup(c, source.Path{"resources", "limits", "memory"}); lim != "1Gi" {
		t.Errorf("merge key not applied: %v", c["resources"])
	}
	if sc := lookup(c, source.Path{"securityContext", "privileged"}); sc != true {
		t.Errorf("alias not expanded: %v", c["securityContext"])
	}
}

func TestAliasBombIsRefusedQuickly(t *testing.T) {
	bomb := `apiVersion: v1
kind: ConfigMap
metadata: {name: bomb}
data:
  a: &a ["x","x","x","x","x","x","x","x","x","x"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
`
	start := time.Now()
	rs, errs := Load("bomb.yaml", []byte(bomb))
	if time.Since(start) > 2*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
	var se *source.Error
	if len(rs) != 0 || len(errs) != 1 || !errors.As(errs[0], &se) || se.Range.Start.Line < 5 {
		t.Fatalf("got %d resources, errors %v; want one *source.Error", len(rs), errs)
	}
}

func TestDeepNestingIsRefused(t *testing.T) {
	doc := "apiVersion: v1\nkind: ConfigMap\ndata: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"
	_, errs := Load("deep.yaml", []byte(doc))
	var se *source.Error
	if len(errs) != 1 || !errors.As(errs[0], &se) {
		t.Fatalf("got %v, want one *source.Error", errs)
	}
}

func TestNotManifestsAreSkippedSilently(t *testing.T) {
	for name, doc := range map[string]string{
		"workflow":      "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n",
		"compose":       "services:\n  web:\n    image: nginx:latest\n",
		"values":        "image:\n  repository: nginx\n  tag: latest\n",
		"ansible":       "- hosts: all\n  tasks:\n    - name: x\n",
		"openapi":       "openapi: 3.0.0\ninfo: {title: x}\n",
		"kustomization": "resources:\n  - deployment.yaml\nnamespace: default\n",
		"chart":         "apiVersion: v2\nname: app\nversion: 1.0.0\n",
		"broken values": "image:\n  tag: [latest\n",
		"scalar":        "just text\n",
		"empty":         "",
		"comments":      "# nothing\n---\n# here\n",
	} {
		rs, errs := Load(name+".yaml", []byte(doc))
		if len(rs) != 0 || len(errs) != 0 {
			t.Errorf("%s: got %v, %v; want nothing", name, names(rs), errs)
		}
	}
}

func TestBrokenManifestIsAnErrorAtItsLine(t *testing.T) {
	doc := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n spec: x\n"
	rs, errs := Load("bad.yaml", []byte(doc))
	var se *source.Error
	if len(rs) != 0 || len(errs) != 1 || !errors.As(errs[0], &se) || se.Range.Start.Line < 4 || se.Range.Start.Line > 5 {
		t.Fatalf("got %v %v, want an error on line 5", names(rs), errs)
	}
}

func TestDocumentsBeforeASyntaxErrorAreKept(t *testing.T) {
	doc := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nspec: [\n"
	rs, errs := Load("m.yaml", []byte(doc))
	if len(rs) != 1 || len(errs) != 1 {
		t.Fatalf("got %v %v", names(rs), errs)
	}
}

func TestJSONManifest(t *testing.T) {
	doc := `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
 "spec": {"containers": [{"name": "c", "image": "nginx"}]}}`
	rs, errs := Load("pod.json", []byte(doc))
	if len(errs) != 0 || len(rs) != 1 || rs[0].Name != "Pod/p" {
		t.Fatalf("got %v %v", names(rs), errs)
	}
	if got := at(t, rs[0], "spec", "containers", 0, "image"); !strings.HasPrefix(got, "002:") {
		t.Errorf("image at %s", got)
	}
	root, err := source.ParseJSON("pod.json", []byte(doc))
	if err != nil || !Detect(root) || len(LoadNode("pod.json", root)) != 1 {
		t.Errorf("Detect/LoadNode: %v", err)
	}
	if pkg, _ := source.ParseJSON("package.json", []byte(`{"name": "x"}`)); Detect(pkg) {
		t.Error("package.json detected as a manifest")
	}
	if rs, errs := Load("package.json", []byte(`{"name": "x", "version": "1.0.0"}`)); len(rs)+len(errs) != 0 {
		t.Errorf("package.json: %v %v", names(rs), errs)
	}
	if _, errs := Load("bad.json", []byte(`{"apiVersion": "v1", "kind": "Pod",}`)); len(errs) != 1 {
		t.Errorf("broken JSON manifest: %v", errs)
	}
	// Flow-style YAML starts like JSON.
	if rs, errs := Load("flow.yaml", []byte("{apiVersion: v1, kind: Pod, metadata: {name: f}}\n")); len(errs) != 0 || len(rs) != 1 || rs[0].Name != "Pod/f" {
		t.Errorf("flow YAML: %v %v", names(rs), errs)
	}
}

func TestYAML11BooleansAndNumbers(t *testing.T) {
	rs := load(t, "apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: yes\n  quoted: \"yes\"\n  n: 0x1F\n  f: 1.5\n  o: 0o17\n  inf: .inf\n")
	spec := rs[0].Spec.(map[string]any)["spec"].(map[string]any)
	if spec["hostNetwork"] != true || spec["quoted"] != "yes" {
		t.Errorf("booleans: %#v %#v", spec["hostNetwork"], spec["quoted"])
	}
	for k, want := range map[string]string{"n": "31", "f": "1.5", "o": "15"} {
		if got := spec[k]; got == nil || got.(interface{ String() string }).String() != want {
			t.Errorf("%s = %#v, want %s", k, got, want)
		}
	}
	if spec["inf"] != ".inf" {
		t.Errorf("inf = %#v", spec["inf"])
	}
}

func TestUnnamedObjects(t *testing.T) {
	rs := load(t, "apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: migrate-}\n---\napiVersion: v1\nkind: Pod\n")
	if got := names(rs); got[0] != "Job/migrate-" || got[1] != "Pod/#2" {
		t.Errorf("names = %v", got)
	}
}

func TestHelmTemplate(t *testing.T) {
	dir := t.TempDir()
	chart := filepath.Join(dir, "app")
	if err := os.MkdirAll(filepath.Join(chart, "templates", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(chart, "Chart.yaml"), []byte("apiVersion: v2\nname: app\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tmpl := []byte("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n")
	_, errs := Load(filepath.Join(chart, "templates", "sub", "deploy.yaml"), tmpl)
	var he *HelmTemplateError
	if len(errs) != 1 || !errors.Is(errs[0], ErrHelmTemplate) || !errors.As(errs[0], &he) || he.Chart != chart {
		t.Fatalf("got %v, want ErrHelmTemplate for chart %s", errs, chart)
	}
	// A static file in a chart is linted; a template outside a chart is
	// parsed like any file.
	if rs, errs := Load(filepath.Join(chart, "templates", "static.yaml"), []byte("apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n")); len(rs) != 1 || len(errs) != 0 {
		t.Errorf("static chart file: %v %v", names(rs), errs)
	}
	_, errs = Load(filepath.Join(dir, "deploy.yaml"), tmpl)
	if len(errs) != 1 || errors.Is(errs[0], ErrHelmTemplate) || !strings.Contains(errs[0].Error(), "template") {
		t.Errorf("template outside a chart: %v", errs)
	}
}

// A manifest template outside a chart (an Ansible role's templates/) is
// not YAML until rendered: a TemplateError at the template syntax, not a
// parse error. A broken manifest without template syntax stays an error.
func TestManifestTemplateOutsideAChart(t *testing.T) {
	for name, doc := range map[string]string{
		"jinja block":    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: \"{{ image }}\"\n        {% if env %}\n        env: []\n        {% endif %}\n",
		"unquoted value": "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ app_name }}\n",
	} {
		rs, errs := Load("roles/app/templates/x.yaml", []byte(doc))
		var te *TemplateError
		if len(rs) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrTemplate) || !errors.As(errs[0], &te) || te.Line < 1 {
			t.Errorf("%s: got %v %v, want one TemplateError", name, names(rs), errs)
		}
	}
	_, errs := Load("bad.yaml", []byte("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {a: \"{{x}}\"}\n spec: x\n"))
	if len(errs) != 1 || errors.Is(errs[0], ErrTemplate) {
		t.Errorf("syntax error away from the template: %v", errs)
	}
}

func TestLooks(t *testing.T) {
	for doc, want := range map[string]bool{
		"apiVersion: v1\nkind: Pod\n":         true,
		"kind: Pod\napiVersion: v1\n":         true,
		"image:\n  apiVersion: v1\n  kind: x": false,
		`{"apiVersion": "v1", "kind": "Pod"}`: true,
		"services:\n  web: {}\n":              false,
	} {
		if got := Looks([]byte(doc)); got != want {
			t.Errorf("Looks(%q) = %v", doc, got)
		}
	}
}

func TestKustomizePatchesAreFragments(t *testing.T) {
	dir := t.TempDir()
	overlay := filepath.Join(dir, "overlays", "prod")
	if err := os.MkdirAll(filepath.Join(overlay, "patches"), 0o755); err != nil {
		t.Fatal(err)
	}
	kust := "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\n" +
		"patchesStrategicMerge: [replicas.yaml]\npatches:\n  - path: patches/resources.yaml\n    target: {kind: Deployment}\n"
	if err := os.WriteFile(filepath.Join(overlay, "kustomization.yaml"), []byte(kust), 0o644); err != nil {
		t.Fatal(err)
	}
	patch := []byte("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 5}\n")
	for _, f := range []string{filepath.Join(overlay, "replicas.yaml"), filepath.Join(overlay, "patches", "resources.yaml")} {
		if rs, errs := Load(f, patch); len(errs) != 0 || len(rs) != 1 || !rs[0].Fragment {
			t.Errorf("%s: got %v %v, want the patch read as a fragment", f, names(rs), errs)
		}
	}
	if rs, _ := Load(filepath.Join(overlay, "namespace.yaml"), patch); len(rs) != 1 || rs[0].Fragment {
		t.Errorf("a manifest beside the kustomization is not a patch: %v", names(rs))
	}
	if rs, _ := Load(filepath.Join(overlay, "kustomization.yaml"), []byte(kust)); len(rs) != 1 {
		t.Errorf("the kustomization itself: %v", names(rs))
	}
}

func TestSharedKustomizePatchIsFragment(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{".git", "base", filepath.Join("overlays", "prod"), filepath.Join("patches", "app")} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	kust := "resources: [../../base]\npatches:\n  - path: ../../patches/app/memory.yaml\n"
	if err := os.WriteFile(filepath.Join(dir, "overlays", "prod", "kustomization.yaml"), []byte(kust), 0o644); err != nil {
		t.Fatal(err)
	}
	patch := []byte("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n" +
		"      containers:\n        - name: web\n          resources: {limits: {memory: 1Gi}}\n")
	if rs, errs := Load(filepath.Join(dir, "patches", "app", "memory.yaml"), patch); len(errs) != 0 || len(rs) != 1 || !rs[0].Fragment {
		t.Errorf("a patch an overlay lists from a shared folder: got %v %v, want a fragment", names(rs), errs)
	}
	// The same fragment that no kustomization lists is linted as a manifest.
	if rs, _ := Load(filepath.Join(dir, "patches", "app", "other.yaml"), patch); len(rs) != 1 || rs[0].Fragment {
		t.Errorf("an unlisted file: got %v, want it read as a manifest", names(rs))
	}
}

func TestHelmRenderedOutputOnStdin(t *testing.T) {
	out := `---
# Source: app/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: release-app
---
# Source: app/templates/tests/test.yaml
---
# Source: app/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: release-app
  labels:
    helm.sh/chart: app-0.1.0
spec:
  template:
    spec:
      containers:
        - name: app
          image: "nginx:1.25.3"
`
	rs, errs := Load("-", []byte(out))
	if len(errs) != 0 || len(rs) != 2 || rs[1].Name != "Deployment/release-app" {
		t.Fatalf("got %v %v", names(rs), errs)
	}
	if got := at(t, rs[1], "spec", "template", "spec", "containers", 0, "image"); !strings.HasPrefix(got, "022:") {
		t.Errorf("image at %s, want line 22 of the stream", got)
	}
}

func TestKustomizeImage(t *testing.T) {
	overrides := []imageOverride{
		{Name: "api", NewName: "registry.example.com/api", NewTag: "2.0"},
		{Name: "registry.example.com/api", Digest: "sha256:abc"},
		{Name: "redis", NewTag: "7.2"},
		{Name: "localhost:5000/web", NewTag: "3"},
	}
	cases := map[string]string{
		"api":                        "registry.example.com/api@sha256:abc",
		"api:latest":                 "registry.example.com/api@sha256:abc",
		"redis":                      "redis:7.2",
		"redis:6@sha256:def":         "redis:7.2@sha256:def",
		"docker.io/library/redis":    "docker.io/library/redis",
		"redis-exporter":             "redis-exporter",
		"localhost:5000/web":         "localhost:5000/web:3",
		"localhost:5000/web:1":       "localhost:5000/web:3",
		"localhost:5000/web-admin:1": "localhost:5000/web-admin:1",
	}
	for in, want := range cases {
		if got := kustomizeImage(in, overrides); got != want {
			t.Errorf("kustomizeImage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKustomizationImagesApplyToItsResources(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base")
	if err := os.MkdirAll(base, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		filepath.Join(base, "kustomization.yaml"): "resources: [deployment.yaml]\nimages:\n- {name: api, newTag: '1.0'}\n",
		filepath.Join(dir, "kustomization.yaml"):  "resources: [base]\nimages:\n- {name: worker, newTag: '2.0'}\n",
	}
	for p, s := range files {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	manifest := "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: api}\n  - {name: w, image: worker}\n"
	images := func(file string) []any {
		rs, errs := Load(file, []byte(manifest))
		if len(errs) > 0 || len(rs) != 1 {
			t.Fatalf("Load(%s): %v %v", file, rs, errs)
		}
		var out []any
		for _, c := range rs[0].Spec.(map[string]any)["spec"].(map[string]any)["containers"].([]any) {
			out = append(out, c.(map[string]any)["image"])
		}
		return out
	}
	if got := images(filepath.Join(base, "deployment.yaml")); got[0] != "api:1.0" || got[1] != "worker:2.0" {
		t.Errorf("a listed resource gets both kustomizations' images: %v", got)
	}
	if got := images(filepath.Join(base, "other.yaml")); got[0] != "api" || got[1] != "worker:2.0" {
		t.Errorf("a file the base does not list keeps its images, the parent includes the folder: %v", got)
	}
}

func TestJSONStream(t *testing.T) {
	stream := "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}\n  {\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"b\"},\"spec\":{\"x\":1}}\n"
	rs, errs := Load("-", []byte(stream))
	if len(errs) > 0 || len(names(rs)) != 2 || rs[1].Name != "Pod/b" {
		t.Fatalf("stream: %v %v", names(rs), errs)
	}
	if got := at(t, rs[1], "spec", "x"); got != "002:067-002:072" {
		t.Errorf("second value's position: %s", got)
	}
	if _, errs := Load("-", []byte(stream+"{\"apiVersion\":")); len(errs) != 1 {
		t.Errorf("a broken value in a stream is an error: %v", errs)
	}
}

func TestHelmSource(t *testing.T) {
	cases := map[string]bool{
		"app/templates/deployment.yaml":                                           true,
		"stack/charts/grafana/templates/deployment.yaml":                          true,
		"app/crds/crd.yaml":                                                       true,
		"crds/customresourcedefinition.yaml":                                      true, // helm template --include-crds, aws-vpc-cni
		"https://raw.githubusercontent.com/org/repo/main/deploy/templates/x.yaml": false,
		"copied from the upstream README":                                         false,
	}
	for path, want := range cases {
		if got := helmSource([]byte(path)); got != want {
			t.Errorf("helmSource(%q) = %v, want %v", path, got, want)
		}
	}
}

// One badly rendered document in a helm template stream is an error at its
// line; the documents after it are still read.
func TestLoadGoesPastBadDocument(t *testing.T) {
	stream := `---
# Source: app/templates/a.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: a
---
# Source: app/templates/b.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
data:
  key: value
   bad: indent
---
# Source: app/templates/c.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
`
	rs, errs := Load("-", []byte(stream))
	if got := fmt.Sprint(names(rs)); got != "[ConfigMap/a ConfigMap/c]" {
		t.Errorf("resources %s, want a and c", got)
	}
	var se *source.Error
	if len(errs) != 1 || !errors.As(errs[0], &se) || se.Range.Start.Line != 15 {
		t.Errorf("errors %v, want one at line 15", errs)
	}
}
