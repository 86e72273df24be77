package imageref

import (
	"strings"
	"testing"
)

const sha = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

// parseTests are real-world references and the edge cases of RULES.md;
// FuzzParse also starts from them.
var parseTests = []struct {
	in   string
	want Ref
}{
	// Docker Hub, official and user images.
	{"nginx", Ref{Registry: "docker.io", Repository: "library/nginx"}},
	{"nginx:1.25", Ref{Registry: "docker.io", Repository: "library/nginx", Tag: "1.25"}},
	{"library/nginx:latest", Ref{Registry: "docker.io", Repository: "library/nginx", Tag: "latest"}},
	{"docker.io/nginx:latest", Ref{Registry: "docker.io", Repository: "library/nginx", Tag: "latest"}},
	{"index.docker.io/library/redis:7", Ref{Registry: "docker.io", Repository: "library/redis", Tag: "7"}},
	{"bitnami/redis:7.2.4-debian-12-r9", Ref{Registry: "docker.io", Repository: "bitnami/redis", Tag: "7.2.4-debian-12-r9"}},
	{"  nginx:1.25\n", Ref{Registry: "docker.io", Repository: "library/nginx", Tag: "1.25"}},
	// Registries with ports: the ':' in the host is no tag.
	{"localhost:5000/app", Ref{Registry: "localhost:5000", Repository: "app"}},
	{"localhost:5000/app:v1", Ref{Registry: "localhost:5000", Repository: "app", Tag: "v1"}},
	{"localhost/app", Ref{Registry: "localhost", Repository: "app"}},
	{"registry.internal:5000/team/app:2.0", Ref{Registry: "registry.internal:5000", Repository: "team/app", Tag: "2.0"}},
	{"10.0.0.1:5000/app:latest", Ref{Registry: "10.0.0.1:5000", Repository: "app", Tag: "latest"}},
	{"[::1]:5000/app:1", Ref{Registry: "[::1]:5000", Repository: "app", Tag: "1"}},
	// Cloud registries.
	{"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2", Ref{Registry: "123456789012.dkr.ecr.us-east-1.amazonaws.com", Repository: "app", Tag: "1.4.2"}},
	{"123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api", Ref{Registry: "123456789012.dkr.ecr.eu-west-1.amazonaws.com", Repository: "team/api"}},
	{"public.ecr.aws/nginx/nginx:stable-alpine", Ref{Registry: "public.ecr.aws", Repository: "nginx/nginx", Tag: "stable-alpine"}},
	{"public.ecr.aws/aws-observability/aws-for-fluent-bit:latest", Ref{Registry: "public.ecr.aws", Repository: "aws-observability/aws-for-fluent-bit", Tag: "latest"}},
	{"ghcr.io/org/app:sha-1a2b3c4", Ref{Registry: "ghcr.io", Repository: "org/app", Tag: "sha-1a2b3c4"}},
	{"gcr.io/distroless/static-debian12:nonroot", Ref{Registry: "gcr.io", Repository: "distroless/static-debian12", Tag: "nonroot"}},
	{"mcr.microsoft.com/windows/servercore:ltsc2022", Ref{Registry: "mcr.microsoft.com", Repository: "windows/servercore", Tag: "ltsc2022"}},
	{"quay.io/prometheus/node-exporter", Ref{Registry: "quay.io", Repository: "prometheus/node-exporter"}},
	// Digests: strict, beside a tag, and too short for the grammar.
	{"nginx@" + sha, Ref{Registry: "docker.io", Repository: "library/nginx", Digest: sha}},
	{"nginx:latest@" + sha, Ref{Registry: "docker.io", Repository: "library/nginx", Tag: "latest", Digest: sha}},
	{"app@sha256:abc123", Ref{Registry: "docker.io", Repository: "library/app", Digest: "sha256:abc123"}},
	{"ghcr.io/org/app:latest@sha256:deadbeef", Ref{Registry: "ghcr.io", Repository: "org/app", Tag: "latest", Digest: "sha256:deadbeef"}},
	{"localhost:5000/app@sha512:00", Ref{Registry: "localhost:5000", Repository: "app", Digest: "sha512:00"}},
	{"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Ref{Digest: sha}},
	// Names the grammar rejects are still split.
	{"MyCompany/App:latest", Ref{Registry: "MyCompany", Repository: "App", Tag: "latest"}},
	{"myapp:LATEST", Ref{Registry: "docker.io", Repository: "library/myapp", Tag: "LATEST"}},
	// Templates in the tag position are unknown.
	{"${repo_url}", Ref{Repository: "${repo_url}", Unknown: true}},
	{"${aws_ecr_repository.app.repository_url}:latest", Ref{Repository: "${aws_ecr_repository.app.repository_url}", Tag: "latest"}},
	{"${aws_ecr_repository.app.repository_url}:${var.tag}", Ref{Repository: "${aws_ecr_repository.app.repository_url}", Tag: "${var.tag}", Unknown: true}},
	{"${repo}:${tag}", Ref{Repository: "${repo}", Tag: "${tag}", Unknown: true}},
	{"nginx:${TAG:-latest}", Ref{Registry: "docker.io", Repository: "library/nginx", Tag: "${TAG:-latest}", Unknown: true}},
	{"${IMAGE:-nginx:latest}", Ref{Repository: "${IMAGE:-nginx:latest}", Unknown: true}},
	{"{{ .Values.image.repository }}:{{ .Values.image.tag }}", Ref{Repository: "{{ .Values.image.repository }}", Tag: "{{ .Values.image.tag }}", Unknown: true}},
	{"{{ .Values.image.repository }}:{{ .Values.image.tag | default \"a:b\" }}", Ref{Repository: "{{ .Values.image.repository }}", Tag: "{{ .Values.image.tag | default \"a:b\" }}", Unknown: true}},
	{"$(IMAGE)", Ref{Repository: "$(IMAGE)", Unknown: true}},
	{"node:$NODE_VERSION", Ref{Registry: "docker.io", Repository: "library/node", Tag: "$NODE_VERSION", Unknown: true}},
	{"node:${NODE_VERSION}-alpine", Ref{Registry: "docker.io", Repository: "library/node", Tag: "${NODE_VERSION}-alpine", Unknown: true}},
	{"$REGISTRY/app:1.0", Ref{Registry: "$REGISTRY", Repository: "app", Tag: "1.0"}},
	{"${var.registry}/team/app", Ref{Registry: "${var.registry}", Repository: "team/app"}},
	{"${var.registry}/team/${var.name}", Ref{Registry: "${var.registry}", Repository: "team/${var.name}", Unknown: true}},
	{"${local.ecr}/app@${var.digest}", Ref{Registry: "${local.ecr}", Repository: "app", Digest: "${var.digest}", Unknown: true}},
	{"<IMAGE1_NAME>", Ref{Repository: "<IMAGE1_NAME>", Unknown: true}},
	{"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:<TAG>", Ref{Registry: "123456789012.dkr.ecr.us-east-1.amazonaws.com", Repository: "app", Tag: "<TAG>", Unknown: true}},
	{"#{Registry}/app:#{Octopus.Release.Number}", Ref{Registry: "#{Registry}", Repository: "app", Tag: "#{Octopus.Release.Number}", Unknown: true}},
	{"%AWS_ID%.dkr.ecr.us-east-1.amazonaws.com/%APP_NAME%:%BUILD_NUMBER%", Ref{Registry: "%AWS_ID%.dkr.ecr.us-east-1.amazonaws.com", Repository: "%APP_NAME%", Tag: "%BUILD_NUMBER%", Unknown: true}},
	{"%REGISTRY%/app:latest", Ref{Registry: "%REGISTRY%", Repository: "app", Tag: "latest"}},
	{"%IMAGE%", Ref{Repository: "%IMAGE%", Unknown: true}},
	{"${unterminated:latest", Ref{Repository: "${unterminated:latest", Unknown: true}},
	// Nothing to parse.
	{"", Ref{Unknown: true}},
	{"   ", Ref{Unknown: true}},
	{"nginx@latest", Ref{Registry: "docker.io", Repository: "library/nginx", Unknown: true}},
	{"nginx:", Ref{Registry: "docker.io", Repository: "library/nginx", Unknown: true}},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		if got := Parse(tt.in); got != tt.want {
			t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
}

func TestMutable(t *testing.T) {
	tests := []struct {
		in     string
		want   bool
		reason string
	}{
		{"nginx", true, `has no tag or digest, so it pulls "latest"`},
		{"nginx:latest", true, `uses the mutable tag "latest"`},
		{"localhost:5000/app", true, `has no tag or digest, so it pulls "latest"`},
		{"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest", true, `uses the mutable tag "latest"`},
		{"${aws_ecr_repository.app.repository_url}:latest", true, `uses the mutable tag "latest"`},
		// A repository URL never carries a tag: alone it means :latest.
		{"${aws_ecr_repository.app.repository_url}", true, `has no tag or digest, so it pulls "latest"`},
		{"${data.aws_ecr_repository.base[0].repository_url}", true, `has no tag or digest, so it pulls "latest"`},
		{"${aws_ecrpublic_repository.web.repository_uri}", true, `has no tag or digest, so it pulls "latest"`},
		{"${aws_ecr_repository.app.repository_url}@sha256:abc", false, ""},
		{"${aws_ecr_repository.app.repository_url}:1.2.3", false, ""},
		{"${module.ecr.repository_url}", false, ""},
		{"${aws_ecr_repository.app.repository_url}-${var.suffix}", false, ""},
		{"${var.registry}/nginx", true, `has no tag or digest, so it pulls "latest"`},
		{"MyApp:latest", true, `uses the mutable tag "latest"`},
		{"nginx:1.25", false, ""},
		{"nginx:LATEST", false, ""},
		{"nginx:latest-alpine", false, ""},
		{"nginx:latest@" + sha, false, ""},
		{"nginx:latest@sha256:abc", false, ""},
		{"nginx@" + sha, false, ""},
		{"${repo}:${tag}", false, ""},
		{"nginx:$TAG", false, ""},
		{"{{ .Values.image }}", false, ""},
		{"<IMAGE1_NAME>", false, ""},
		{"<REGISTRY>/app", true, `has no tag or digest, so it pulls "latest"`},
		{"", false, ""},
	}
	for _, tt := range tests {
		got, reason := Parse(tt.in).Mutable()
		if got != tt.want || reason != tt.reason {
			t.Errorf("Parse(%q).Mutable() = %v, %q; want %v, %q", tt.in, got, reason, tt.want, tt.reason)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"nginx", "nginx:latest", "localhost:5000/app", "[::1]:5000/app:1", "app@sha256:abc",
		"${repo}:${tag}", "{{ .Values.image }}", "$(IMAGE)", "node:$V", "${a:-b:c}", "${{{", "@", ":", "/:@",
		"ghcr.io/org/app:latest@" + sha,
	} {
		f.Add(s)
	}
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Parse(s)
		mutable, reason := r.Mutable()
		if mutable && (r.Unknown || r.Digest != "" || reason == "") {
			t.Fatalf("Parse(%q) = %+v: mutable although pinned or unknown", s, r)
		}
		if mutable && r.Tag != "" && r.Tag != "latest" {
			t.Fatalf("Parse(%q) = %+v: mutable with tag %q", s, r, r.Tag)
		}
		if r.Tag != "" && !strings.Contains(s, r.Tag) {
			t.Fatalf("Parse(%q) = %+v: tag not taken from the input", s, r)
		}
		// The fallback splitter must agree with the registry grammar
		// wherever the grammar accepts the reference.
		trimmed := strings.TrimSpace(s)
		// A first component with '_' and '.' ("a_b.c/d") is accepted by
		// the grammar with no domain at all, a reference no registry
		// serves; the fallback's reading of it does not matter.
		if strict, ok := parseStrict(trimmed); ok && strict.Registry != "" {
			if loose := parseLoose(trimmed, templateMask(trimmed)); loose != strict && !strings.ContainsAny(trimmed, "$<#{") {
				t.Fatalf("%q: grammar %+v, fallback %+v", s, strict, loose)
			}
		}
	})
}
