package dockerfile

import (
	"errors"
	"strings"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

func load(t *testing.T, src string) (*resource.Resource, map[string]any) {
	t.Helper()
	rs, errs := Load("dir/Dockerfile", []byte(src))
	if len(errs) > 0 || len(rs) != 1 {
		t.Fatalf("Load: %v", errs)
	}
	return rs[0], rs[0].Spec.(map[string]any)
}

func stageOf(spec map[string]any, i int) map[string]any {
	return spec["stages"].([]any)[i].(map[string]any)
}

func insOf(spec map[string]any, s, k int) map[string]any {
	return stageOf(spec, s)["instructions"].([]any)[k].(map[string]any)
}

func lineOf(t *testing.T, r *resource.Resource, p ...any) int {
	t.Helper()
	rg, ok := r.Index.Locate(source.Path(p))
	if !ok {
		t.Fatalf("no range for %v", p)
	}
	return rg.Start.Line
}

func TestIsDockerfileName(t *testing.T) {
	for name, want := range map[string]bool{
		"Dockerfile": true, "dockerfile": true, "Containerfile": true, "api.Dockerfile": true,
		"web.dockerfile": true, "Dockerfile.prod": true, "x/y/Dockerfile.dev": true,
		"Dockerfile.dockerignore": false, "Dockerfile.tmpl.go": false, "docker-compose.yml": false,
		"Dockerfile.rego": false, "Dockerfile.md": false, "Containerfile.ubi9": true, "Dockerfile.j2": true,
		"Dockerfile.template": true, "Dockerfile.windows": true, "Dockerfile.alpine": true,
		"main.tf": false, "MyDockerfile": false,
	} {
		if got := IsDockerfileName(name); got != want {
			t.Errorf("IsDockerfileName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestTemplates checks that a template holding template statements is
// not read (a TemplateError at its first template line), and one whose
// placeholders sit inside instructions is read.
func TestTemplates(t *testing.T) {
	molecule := "{% if item.registry is defined %}\nFROM {{ item.registry.url }}/{{ item.image }}\n{% else %}\nFROM {{ item.image }}\n{% endif %}\nRUN apt-get update\n"
	library := "{{\n\tdef is_alpine: env.variant | startswith(\"alpine\")\n-}}\nFROM debian:bookworm-slim\n"
	balena := "FROM resin/%%RESIN_MACHINE_NAME%%-python\nRUN pip install flask\n"
	for _, c := range []struct {
		file, src    string
		want         int // resources
		templateLine int // 0: not a template
	}{
		{"molecule/default/Dockerfile.j2", molecule, 0, 1},
		{"Dockerfile.template", library, 0, 1},
		{"Dockerfile.template", balena, 1, 0},
		{"Dockerfile.tmpl", "# syntax=docker/dockerfile:1\nFROM golang:{{.GoVersion}}\nRUN go build ./...\n", 0, 2},
		{"Dockerfile", "FROM alpine:3.19\nRUN echo '{{ not a template }}'\n", 1, 0},
	} {
		rs, errs := Load(c.file, []byte(c.src))
		var te *TemplateError
		switch {
		case c.templateLine > 0 && (len(errs) != 1 || !errors.As(errs[0], &te) || te.Line != c.templateLine || te.File != c.file):
			t.Errorf("%s: errors %v; want a TemplateError at line %d", c.file, errs, c.templateLine)
		case c.templateLine == 0 && len(errs) > 0:
			t.Errorf("%s: errors %v", c.file, errs)
		}
		if len(rs) != c.want {
			t.Errorf("%s: %d resources; want %d", c.file, len(rs), c.want)
		}
	}
}

func TestLoadResource(t *testing.T) {
	r, spec := load(t, "FROM alpine:3.19\n")
	if r.Kind != resource.Dockerfile || r.Format != "dockerfile" || r.Name != "Dockerfile" || r.File != "dir/Dockerfile" {
		t.Errorf("resource = %+v", r)
	}
	if spec["final"] != 0 {
		t.Errorf("final = %v", spec["final"])
	}
}

func TestStagesAndParents(t *testing.T) {
	_, spec := load(t, "FROM golang:1.22 AS Build\nFROM build AS test\nFROM alpine:3.19\nFROM test\n")
	if n := len(spec["stages"].([]any)); n != 4 {
		t.Fatalf("%d stages", n)
	}
	if s := stageOf(spec, 0); s["name"] != "build" || s["parent"] != nil {
		t.Errorf("stage 0 = %v %v", s["name"], s["parent"])
	}
	if s := stageOf(spec, 1); s["parent"] != 0 || s["from"].(map[string]any)["stage"] != 0 {
		t.Errorf("stage 1 parent = %v", s["parent"])
	}
	s := stageOf(spec, 3)
	if s["parent"] != 1 || len(s["ancestors"].([]any)) != 2 || s["final"] != true {
		t.Errorf("stage 3 = parent %v ancestors %v final %v", s["parent"], s["ancestors"], s["final"])
	}
	if spec["final"] != 3 {
		t.Errorf("final = %v", spec["final"])
	}
}

func TestTarget(t *testing.T) {
	rs, _ := LoadWithOptions("Dockerfile", []byte("FROM a:1 AS build\nFROM b:1 AS run\n"), Options{Target: "Build"})
	if f := rs[0].Spec.(map[string]any)["final"]; f != 0 {
		t.Errorf("final = %v", f)
	}
	if rs, errs := LoadWithOptions("Dockerfile", []byte("FROM a:1 AS build\n"), Options{Target: "nope"}); len(rs) != 0 || len(errs) != 1 {
		t.Errorf("unknown target: %v %v", rs, errs)
	}
}

func TestARGScoping(t *testing.T) {
	src := `ARG REGISTRY=registry.example.com:5000
ARG VERSION=1.2
ARG UNSET
FROM ${REGISTRY}/app:${VERSION} AS base
ARG VERSION
ARG UNSET
ARG LOCAL=x-$VERSION
ENV V=$VERSION L=${LOCAL} U=$UNSET
USER ${APP_USER:-app}
FROM base
ARG OTHER
ENV W=$VERSION
`
	_, spec := load(t, src)
	from := stageOf(spec, 0)["from"].(map[string]any)
	if from["image"] != "registry.example.com:5000/app:1.2" || from["raw"] != "${REGISTRY}/app:${VERSION}" {
		t.Errorf("from = %v", from)
	}
	env := stageOf(spec, 0)["env"].([]any)
	want := map[string]string{"V": "1.2", "L": "x-1.2", "U": "$UNSET"}
	for _, e := range env {
		kv := e.(map[string]any)
		if kv["value"] != want[kv["name"].(string)] {
			t.Errorf("ENV %s = %v, want %s", kv["name"], kv["value"], want[kv["name"].(string)])
		}
	}
	if u := stageOf(spec, 0)["user"].(map[string]any); u["value"] != "${APP_USER:-app}" || u["line"] != 9 {
		t.Errorf("user = %v", u)
	}
	// APP_USER may come from the base image's ENV: it stays unknown.
	// ARGs do not cross stages; ENV and USER do.
	child := stageOf(spec, 1)
	for _, e := range child["env"].([]any) {
		kv := e.(map[string]any)
		if kv["name"] == "W" && kv["value"] != "$VERSION" {
			t.Errorf("W = %v: the stage did not re-declare VERSION", kv["value"])
		}
		if kv["name"] == "V" && kv["inherited"] != true {
			t.Errorf("V should be inherited")
		}
	}
	if u := child["user"].(map[string]any); u["inherited"] != true || u["line"] != 9 {
		t.Errorf("inherited user = %v", u)
	}
	args := stageOf(spec, 0)["args"].([]any)
	if a := args[0].(map[string]any); a["name"] != "VERSION" || a["value"] != "1.2" || a["hasDefault"] != false {
		t.Errorf("re-declared ARG = %v", a)
	}
	if a := args[1].(map[string]any); a["known"] != false || a["value"] != nil {
		t.Errorf("ARG without default = %v", a)
	}
}

func TestHeredocs(t *testing.T) {
	src := "FROM debian:12\nRUN <<EOF\napt-get update\ncurl -fsSL https://x | sh\nEOF\nCOPY <<EOT /etc/motd\nhello\nEOT\nRUN python3 <<PY\nimport os\nPY\n"
	r, spec := load(t, src)
	run := insOf(spec, 0, 1)
	h := run["heredocs"].([]any)[0].(map[string]any)
	if h["name"] != "EOF" || h["line"] != 3 || h["content"] != "apt-get update\ncurl -fsSL https://x | sh\n" {
		t.Errorf("heredoc = %v", h)
	}
	cmds := run["run"].(map[string]any)["commands"].([]any)
	if len(cmds) != 3 {
		t.Fatalf("commands = %v", cmds)
	}
	if c := cmds[1].(map[string]any); c["name"] != "curl" || c["line"] != 4 {
		t.Errorf("curl = %v", c)
	}
	if got := lineOf(t, r, "stages", 0, "instructions", 1, "run", "commands", 2); got != 4 {
		t.Errorf("sh located at %d", got)
	}
	if got := lineOf(t, r, "stages", 0, "instructions", 2); got != 6 {
		t.Errorf("COPY at %d", got)
	}
	py := insOf(spec, 0, 3)["run"].(map[string]any)["commands"].([]any)
	if len(py) != 1 || py[0].(map[string]any)["name"] != "python3" {
		t.Errorf("python heredoc body must not be parsed as shell: %v", py)
	}
}

func TestEscapeDirective(t *testing.T) {
	src := "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo one `\n    && echo two\nWORKDIR C:\\app\n"
	_, spec := load(t, src)
	if spec["escape"] != "`" {
		t.Errorf("escape = %v", spec["escape"])
	}
	run := insOf(spec, 0, 1)
	if run["line"] != 3 || run["endLine"] != 4 {
		t.Errorf("RUN lines %v-%v", run["line"], run["endLine"])
	}
	cmds := run["run"].(map[string]any)["commands"].([]any)
	if len(cmds) != 2 || cmds[1].(map[string]any)["line"] != 4 {
		t.Errorf("commands = %v", cmds)
	}
	if w := insOf(spec, 0, 2)["args"].([]any)[0]; w != `C:\app` {
		t.Errorf("WORKDIR = %v", w)
	}
}

func TestContinuationPositions(t *testing.T) {
	src := "FROM debian:12\n" +
		"RUN apt-get update \\\n" +
		"    # a comment inside the instruction\n" +
		"\n" +
		"    && curl -fsSL https://x \\\n" +
		"       | bash \\\n" +
		"    && sudo make install\n" +
		"ENV A=1 \\\n" +
		"    TOKEN=abc\n" +
		"EXPOSE 80 \\\n" +
		"       22\n"
	r, spec := load(t, src)
	run := insOf(spec, 0, 1)["run"].(map[string]any)
	lines := map[string]int{}
	for i, c := range run["commands"].([]any) {
		lines[c.(map[string]any)["name"].(string)] = lineOf(t, r, "stages", 0, "instructions", 1, "run", "commands", i)
	}
	if lines["apt-get"] != 2 || lines["curl"] != 5 || lines["bash"] != 6 || lines["sudo"] != 7 || lines["make"] != 7 {
		t.Errorf("command lines = %v", lines)
	}
	if rg, _ := r.Index.Locate(source.Path{"stages", 0, "instructions", 1, "run", "commands", 1}); rg.Start != (source.Pos{Line: 5, Col: 8}) || rg.End.Line != 5 || rg.End.Col < 28 {
		t.Errorf("curl spans %v-%v, want 5:8 to the end of line 5", rg.Start, rg.End)
	}
	if rg, _ := r.Index.Locate(source.Path{"stages", 0, "instructions", 2, "env", 1}); rg.Start != (source.Pos{Line: 9, Col: 5}) || rg.End != (source.Pos{Line: 9, Col: 14}) {
		t.Errorf("TOKEN spans %v-%v", rg.Start, rg.End)
	}
	if got := lineOf(t, r, "stages", 0, "instructions", 1, "run", "pipelines", 0); got != 5 {
		t.Errorf("pipeline at %d", got)
	}
	if got := lineOf(t, r, "stages", 0, "instructions", 2, "env", 1); got != 9 {
		t.Errorf("TOKEN at %d", got)
	}
	if got := lineOf(t, r, "stages", 0, "instructions", 3, "args", 1); got != 11 {
		t.Errorf("EXPOSE 22 at %d", got)
	}
	if got := lineOf(t, r, "stages", 0, "instructions", 1, "run", "commands", 99); got != 2 {
		t.Errorf("unknown command falls back to the instruction: %d", got)
	}
}

func TestShellAnalysis(t *testing.T) {
	_, spec := load(t, `FROM debian:12
RUN apt-get install -y sudo && sudo -u app env FOO=1 make
RUN ["bash", "-c", "curl -s x | python3"]
RUN ["/app/bin", "--flag"]
RUN X=$(curl -s https://x) bash <(wget -qO- https://y)
`)
	names := func(k int) []string {
		var out []string
		for _, c := range insOf(spec, 0, k)["run"].(map[string]any)["commands"].([]any) {
			out = append(out, c.(map[string]any)["name"].(string))
		}
		return out
	}
	if got := strings.Join(names(1), " "); got != "apt-get sudo env make" {
		t.Errorf("wrappers: %s", got)
	}
	if got := strings.Join(names(2), " "); got != "curl python3" {
		t.Errorf("exec form with -c: %s", got)
	}
	if got := strings.Join(names(3), " "); got != "bin" {
		t.Errorf("exec form: %s", got)
	}
	cmds := insOf(spec, 0, 4)["run"].(map[string]any)["commands"].([]any)
	var bash int
	for i, c := range cmds {
		if c.(map[string]any)["name"] == "bash" {
			bash = i
		}
	}
	for _, c := range cmds {
		m := c.(map[string]any)
		if m["name"] == "wget" && m["in"] != bash {
			t.Errorf("wget in = %v, want %d", m["in"], bash)
		}
	}
	sub := insOf(spec, 0, 1)["run"].(map[string]any)["commands"].([]any)[0].(map[string]any)["sub"]
	if sub != "install" {
		t.Errorf("sub = %v", sub)
	}
}

func TestMountsAndFlags(t *testing.T) {
	_, spec := load(t, "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=secret,id=tok,dst=/run/t true\nCOPY --from=0 --chown=1:1 a b\n")
	run := insOf(spec, 0, 1)["run"].(map[string]any)
	m := run["mounts"].([]any)
	if m[0].(map[string]any)["type"] != "cache" || m[1].(map[string]any)["target"] != "/run/t" {
		t.Errorf("mounts = %v", m)
	}
	cp := insOf(spec, 0, 2)
	if cf := cp["copyFrom"].(map[string]any); cf["stage"] != 0 {
		t.Errorf("copyFrom = %v", cf)
	}
	if f := cp["flags"].([]any)[1].(map[string]any); f["name"] != "chown" || f["value"] != "1:1" {
		t.Errorf("flags = %v", cp["flags"])
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		src  string
		line int
	}{
		{"FROM alpine\nRUN <<EOF\necho\n", 2},
		{"FROM alpine\nENV A\n", 2},
		{"RUN echo\nFROM alpine\n", 1},
		{"ARG A=1\n", 1},
		{"FROM alpine\nCMD [\"a\", 1]\n", 2},
		{"FROM alpine:3.19 AS base\nFROM\n", 2},
		{"FROM alpine:3.19 AS\n", 1},
		{"FROM alpine:3.19 AS 1st\n", 1},
		{"FROM alpine:3.19 AS build-${V}\n", 1},
	} {
		_, errs := Load("Dockerfile", []byte(c.src))
		var se *source.Error
		if len(errs) == 0 || !errors.As(errs[0], &se) {
			t.Errorf("%q: errors %v, want *source.Error", c.src, errs)
			continue
		}
		if se.Range.Start.Line != c.line || se.Range.File != "Dockerfile" {
			t.Errorf("%q: error at %v: %v", c.src, se.Range, se)
		}
	}
}

func TestUnknownInstructionKeepsTheResource(t *testing.T) {
	rs, errs := Load("Dockerfile", []byte("FROM alpine:3.19\nRUNN echo\nUSER root\n"))
	var se *source.Error
	if len(rs) != 1 || len(errs) != 1 || !errors.As(errs[0], &se) || se.Range.Start.Line != 2 || !strings.Contains(se.Msg, "RUNN") {
		t.Fatalf("resources %d, errors %v", len(rs), errs)
	}
}

func TestWindowsDefaultShell(t *testing.T) {
	_, spec := load(t, "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr foo\n")
	run := insOf(spec, 0, 1)["run"].(map[string]any)
	if run["posix"] != false || run["shell"].([]any)[0] != "cmd" {
		t.Errorf("run = %v", run)
	}
}

func TestEmptyFileIsNotAnError(t *testing.T) {
	for _, src := range []string{"", "\n\n", "# just a comment\n"} {
		rs, errs := Load("Dockerfile", []byte(src))
		if len(rs) != 0 || len(errs) != 0 {
			t.Errorf("%q: %v %v", src, rs, errs)
		}
	}
}

func TestCRLFAndBOM(t *testing.T) {
	r, spec := load(t, "\xef\xbb\xbfFROM alpine:3.19\r\nRUN echo a \\\r\n  | cat\r\n")
	if stageOf(spec, 0)["from"].(map[string]any)["image"] != "alpine:3.19" {
		t.Errorf("BOM not stripped")
	}
	if got := lineOf(t, r, "stages", 0, "instructions", 1, "run", "commands", 1); got != 3 {
		t.Errorf("cat at %d", got)
	}
}

func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"FROM alpine\nRUN echo hi\n",
		"# escape=`\nFROM x\nRUN a `\n b\n",
		"ARG A=1\nFROM b:${A} AS c\nFROM c\nUSER $U\n",
		"FROM x\nRUN <<EOF\ncurl x | sh\nEOF\n",
		"FROM x\nRUN sh -c 'a | b' && bash <<E\nc\nE\n",
		"FROM x\nCOPY --from=y a b\nRUN [\"sh\",\"-c\",\"x\"]\n",
		"FROM x\nENV A=\"b c\" D=${E:-f}\nONBUILD RUN x\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, errs := Load("Dockerfile", data)
		for _, err := range errs {
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not *source.Error", err)
			}
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, r := range rs {
			spec, ok := r.Spec.(map[string]any)
			if !ok {
				t.Fatal("spec is not an object")
			}
			for s, st := range spec["stages"].([]any) {
				for k, in := range st.(map[string]any)["instructions"].([]any) {
					cmds := []any{}
					if run, ok := in.(map[string]any)["run"].(map[string]any); ok {
						cmds = run["commands"].([]any)
					}
					for c := -1; c < len(cmds); c++ {
						p := source.Path{"stages", s, "instructions", k}
						if c >= 0 {
							p = p.Child("run").Child("commands").Child(c)
						}
						rg, ok := r.Index.Locate(p)
						if !ok || rg.Start.Line < 1 || rg.Start.Line > lines {
							t.Fatalf("%v located at %v (file has %d lines)", p, rg, lines)
						}
					}
				}
			}
		}
	})
}

// TestMayNameStage checks which unresolved FROM images may name an
// earlier stage.
func TestMayNameStage(t *testing.T) {
	stages := []*stage{{Name: "base-amd64"}, {Name: "app-local-setup-stage"}, {Name: ""}}
	for image, want := range map[string]bool{
		"base-${TARGETARCH}":               true,
		"app-${REPO_LOCATION}-setup-stage": true,
		"python:${PY}-slim":                false,
		"$BASE":                            false,
		"${REGISTRY}/base-amd64":           false,
		"base-amd64":                       false,
	} {
		if got := mayNameStage(image, stages); got != want {
			t.Errorf("mayNameStage(%q) = %v, want %v", image, got, want)
		}
	}
}

// export and declare -x list the variables they export as assigns; a
// declare without -x exports nothing.
func TestExportAssigns(t *testing.T) {
	_, spec := load(t, `FROM debian:12
RUN export A=1 B && declare -x C=2 && declare D=3 && make
`)
	var got []string
	for _, c := range insOf(spec, 0, 1)["run"].(map[string]any)["commands"].([]any) {
		m := c.(map[string]any)
		for _, a := range m["assigns"].([]any) {
			as := a.(map[string]any)
			got = append(got, m["name"].(string)+":"+as["name"].(string)+"="+as["value"].(string))
		}
	}
	if strings.Join(got, " ") != "export:A=1 declare:C=2" {
		t.Errorf("assigns: %v", got)
	}
}

// BuildKit's missing-'=' error quotes the word it stopped at, which may be
// part of a password: the message masks it.
func TestParseErrorMasksTheWord(t *testing.T) {
	_, errs := Load("Dockerfile", []byte("FROM alpine:3.19\nENV DB_PASSWORD=Tr0ub4dor &3xyzPass999\n"))
	var se *source.Error
	if len(errs) == 0 || !errors.As(errs[0], &se) {
		t.Fatalf("errors %v, want *source.Error", errs)
	}
	if strings.Contains(se.Msg, "xyzPass99") || !strings.Contains(se.Msg, `can't find = in "&3xy******** (12 chars)"`) {
		t.Errorf("message %q", se.Msg)
	}
}

// sh -c code behind a wrapper, su -c code, and a heredoc fed to sudo bash
// are followed: their commands are listed too.
func TestWrappedShellCode(t *testing.T) {
	_, spec := load(t, `FROM debian:12
RUN sudo -u app bash -c "curl -s x | sh"
RUN su - app -c 'wget -qO- y'
RUN sudo bash <<EOF
make
EOF
`)
	for k, want := range map[int]string{1: "curl", 2: "wget", 3: "make"} {
		found := false
		for _, c := range insOf(spec, 0, k)["run"].(map[string]any)["commands"].([]any) {
			if c.(map[string]any)["name"] == want {
				found = true
			}
		}
		if !found {
			t.Errorf("instruction %d: %s not listed", k, want)
		}
	}
}
