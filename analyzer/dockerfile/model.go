package dockerfile

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// instruction is one parsed instruction with its source positions.
type instruction struct {
	Cmd      string // lower case: "run", "from", ...
	Start    int    // first line
	End      int    // last line, heredoc bodies included
	Original string // the instruction as BuildKit joined it
	Flags    []flag
	Args     []string
	JSON     bool
	Heredocs []heredoc
	text     *joined

	// Filled in by the stage walk, per command.
	Env   []keyValue // ENV
	ARG   []argDecl  // ARG
	User  string     // USER, expanded
	Ports []string   // EXPOSE, each argument expanded
	Srcs  []string   // ADD sources, expanded: quotes removed, known ARG and ENV values substituted
	None  bool       // HEALTHCHECK NONE
	Shell []string   // SHELL
	Run   *runInfo   // RUN, and ONBUILD RUN (its trigger's)
	// Trigger is the instruction an ONBUILD registers.
	Trigger *instruction
	From    *copyFrom // COPY --from
	Stage   int
	Index   int
	argPos  []source.Pos // where each of Args is written, when found
}

type flag struct{ Name, Value string }

type heredoc struct {
	Name    string
	Content string
	Line    int // first line of the body
}

type keyValue struct {
	Name, Value, Raw string
	Pos              source.Pos
	End              source.Pos // end of the written value, when on the key's line
	Inherited        bool
	Stage, Index     int // where it was set
}

type argDecl struct {
	Name       string
	Text       string // NAME or NAME=value as written
	HasDefault bool
	Default    string // as written, quotes removed
	Value      string // resolved value
	Known      bool   // Value is known: a default here or in the global scope
	Pos        source.Pos
}

type runInfo struct {
	Shell    []string
	POSIX    bool
	Script   string
	Pipefail bool
	Mounts   []map[string]string
	*script
}

// setting is a value a stage has or inherits: USER, HEALTHCHECK.
type setting struct {
	Value     string
	Raw       string
	None      bool
	Stage     int
	Index     int
	Line      int
	Inherited bool
}

type stage struct {
	Index        int
	Name         string
	Image        string // base image, ARGs expanded
	RawImage     string
	Platform     string
	Parent       int // index of the stage it is built on, -1 for an image
	Scratch      bool
	Windows      bool // a Windows base image, or built FROM a stage that has one
	MaybeStage   bool // FROM holds an unresolved variable and may name an earlier stage
	Instructions []*instruction
	Args         []argDecl
	Env          []keyValue
	User         *setting
	Healthcheck  *setting
	Shell        []string
}

// model is a whole Dockerfile.
type model struct {
	Escape  rune
	Global  []*instruction
	Globals []argDecl
	Stages  []*stage
	Final   int
}

// Default SHELLs: Linux images run RUN with /bin/sh -c, Windows images
// with cmd /S /C.
var (
	defaultShell = []string{"/bin/sh", "-c"}
	windowsShell = []string{"cmd", "/S", "/C"}
	windowsImage = regexp.MustCompile(`(?i)(^|/)(windows|nanoserver|servercore)([:/@-]|$)|windowsservercore|nanoserver-|(^|/)mcr\.microsoft\.com/dotnet/framework/|:[^/]*ltsc20[0-9]{2}`)
)

// instructionNames are the instructions BuildKit knows; any other keyword
// fails the build.
var instructionNames = map[string]bool{
	"add": true, "arg": true, "cmd": true, "copy": true, "entrypoint": true, "env": true, "expose": true,
	"from": true, "healthcheck": true, "label": true, "maintainer": true, "onbuild": true, "run": true,
	"shell": true, "stopsignal": true, "user": true, "volume": true, "workdir": true,
}

// build turns BuildKit's AST into the model, resolving ARG scoping and
// stage inheritance. Errors are problems docker build would also stop at.
func build(file string, data []byte, res *parser.Result, opts Options) (*model, []error) {
	phys := newPhysical(data)
	cont := continuation(res.EscapeToken)
	m := &model{Escape: res.EscapeToken, Final: -1}
	lex := shell.NewLex(res.EscapeToken)
	lex.SkipUnsetEnv = true
	b := &builder{m: m, lex: lex, file: file}
	for _, n := range res.AST.Children {
		ins := newInstruction(n, phys, cont)
		b.add(ins)
	}
	if len(m.Stages) == 0 {
		line := 1
		if len(m.Global) > 0 {
			line = m.Global[0].Start
		}
		return nil, []error{errorAt(file, line, "invalid Dockerfile: no FROM instruction")}
	}
	resolveCopyFrom(m)
	m.Final = len(m.Stages) - 1
	if opts.Target != "" {
		m.Final = -1
		for i, s := range m.Stages {
			if s.Name == strings.ToLower(opts.Target) {
				m.Final = i
			}
		}
		if m.Final < 0 {
			return nil, append(b.errs, errorAt(file, 1, "target stage %q could not be found", opts.Target))
		}
	}
	return m, b.errs
}

func newInstruction(n *parser.Node, phys *physical, cont *regexp.Regexp) *instruction {
	ins := &instruction{
		Cmd:      strings.ToLower(n.Value),
		Start:    n.StartLine,
		End:      n.EndLine,
		Original: n.Original,
		JSON:     n.Attributes["json"],
	}
	ins.text = phys.join(n.StartLine, cont, n.Original)
	ins.fill(n)
	if ins.Cmd == "onbuild" && n.Next != nil && len(n.Next.Children) > 0 {
		child := n.Next.Children[0]
		ins.Args = []string{child.Original}
		ins.argPos = nil
		ins.locateArgs()
		ins.Trigger = newTrigger(child, ins)
	}
	return ins
}

// fill reads the flags, arguments and heredocs of n.
func (ins *instruction) fill(n *parser.Node) {
	for _, f := range n.Flags {
		name, value, _ := strings.Cut(strings.TrimPrefix(f, "--"), "=")
		ins.Flags = append(ins.Flags, flag{Name: strings.ToLower(name), Value: value})
	}
	for c := n.Next; c != nil; c = c.Next {
		ins.Args = append(ins.Args, c.Value)
	}
	ins.heredocs(n)
	ins.locateArgs()
}

// newTrigger builds the instruction an ONBUILD registers (ONBUILD RUN
// curl ... | sh): it runs in every build FROM this image, so the RUN rules
// judge it too, as hadolint does. It is written on the ONBUILD's lines, so
// it shares their text and positions.
func newTrigger(n *parser.Node, outer *instruction) *instruction {
	t := &instruction{
		Cmd:      strings.ToLower(n.Value),
		Start:    outer.Start,
		End:      outer.End,
		Original: n.Original,
		JSON:     n.Attributes["json"],
		text:     outer.text,
	}
	t.fill(n)
	// BuildKit attaches the bodies of ONBUILD RUN <<EOF to the ONBUILD.
	if len(t.Heredocs) == 0 {
		t.Heredocs = outer.Heredocs
	}
	return t
}

// heredocs records heredoc bodies with the line each starts on: bodies
// follow the instruction's last joined line, each closed by its
// terminator line.
func (ins *instruction) heredocs(n *parser.Node) {
	if len(n.Heredocs) == 0 {
		return
	}
	line := ins.text.at(len(ins.text.text)).Line + 1
	for _, h := range n.Heredocs {
		ins.Heredocs = append(ins.Heredocs, heredoc{Name: h.Name, Content: h.Content, Line: line})
		line += strings.Count(h.Content, "\n") + 1
	}
}

// locateArgs finds where each argument is written, searching the joined
// text left to right.
func (ins *instruction) locateArgs() {
	cursor := min(len(ins.Cmd), len(ins.text.text))
	ins.argPos = make([]source.Pos, len(ins.Args))
	for i, a := range ins.Args {
		if a == "" || (i%3 == 2 && (ins.Cmd == "env" || ins.Cmd == "label")) {
			continue // the "=" separators of ENV and LABEL pairs
		}
		k := strings.Index(ins.text.text[cursor:], a)
		if k < 0 {
			continue
		}
		ins.argPos[i] = ins.text.at(cursor + k)
		cursor += k + len(a)
	}
}

// argAt returns where argument i is written, else the instruction start.
func (ins *instruction) argAt(i int) source.Pos {
	if i < len(ins.argPos) && ins.argPos[i].Line > 0 {
		return ins.argPos[i]
	}
	return source.Pos{Line: ins.Start, Col: 1}
}

func (ins *instruction) flag(name string) (string, bool) {
	v, ok := "", false
	for _, f := range ins.Flags {
		if f.Name == name {
			v, ok = f.Value, true
		}
	}
	return v, ok
}

// argEnd returns where argument i ends when it is written on one line.
func (ins *instruction) argEnd(i int) source.Pos {
	if i >= len(ins.argPos) || ins.argPos[i].Line == 0 {
		return source.Pos{}
	}
	p := ins.argPos[i]
	return source.Pos{Line: p.Line, Col: p.Col + utf8.RuneCountInString(ins.Args[i])}
}

// builder walks the instructions in order, keeping ARG and ENV scopes.
type builder struct {
	m    *model
	lex  *shell.Lex
	file string
	errs []error
	cur  *stage
	// globalVars is globalEnv() kept up to date by globalArg, which would
	// otherwise rebuild it for every ARG: quadratic in the global ARGs.
	globalVars envMap
}

func (b *builder) add(ins *instruction) {
	if !instructionNames[ins.Cmd] {
		b.errs = append(b.errs, errorAt(b.file, ins.Start, "invalid Dockerfile: unknown instruction %s", strings.ToUpper(ins.Cmd)))
	}
	if ins.Cmd == "from" {
		b.from(ins)
		return
	}
	if b.cur == nil {
		ins.Stage, ins.Index = -1, len(b.m.Global)
		b.m.Global = append(b.m.Global, ins)
		if ins.Cmd == "arg" {
			b.globalArg(ins)
		} else {
			b.errs = append(b.errs, errorAt(b.file, ins.Start, "invalid Dockerfile: %s before the first FROM: only ARG may come before FROM", strings.ToUpper(ins.Cmd)))
		}
		return
	}
	s := b.cur
	ins.Stage, ins.Index = s.Index, len(s.Instructions)
	s.Instructions = append(s.Instructions, ins)
	switch ins.Cmd {
	case "arg":
		b.stageArg(ins)
	case "env":
		b.env(ins)
	case "user":
		b.user(ins)
	case "expose":
		env := b.stageEnv()
		for _, a := range ins.Args {
			ins.Ports = append(ins.Ports, b.expand(a, env))
		}
	case "add":
		// BuildKit expands ADD sources like any word, so a quoted URL or
		// ADD ${URL} downloads just as a literal URL does.
		env := b.stageEnv()
		for _, a := range ins.Args[:max(len(ins.Args)-1, 0)] {
			ins.Srcs = append(ins.Srcs, b.expand(a, env))
		}
	case "healthcheck":
		b.healthcheck(ins)
	case "shell":
		if ins.JSON && len(ins.Args) > 0 {
			s.Shell = ins.Args
		}
	case "run":
		b.run(ins)
	case "onbuild":
		// The trigger runs when a child build starts, with the SHELL this
		// image ends with; the SHELL in effect here is the usual case.
		if t := ins.Trigger; t != nil && t.Cmd == "run" {
			b.run(t)
			ins.Run = t.Run
		}
	}
}

// globalEnv is what FROM lines and global ARG defaults are expanded with.
func (b *builder) globalEnv() envMap {
	e := envMap{}
	for _, a := range b.m.Globals {
		if a.Known {
			e.set(a.Name, a.Value)
		}
	}
	return e
}

// platformArgs are the ARGs BuildKit declares in the global scope itself;
// their values depend on the build.
var platformArgs = []string{"BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
	"TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE"}

// expandFrom expands a FROM image as BuildKit does: only global ARGs are
// visible there, so a variable no ARG declares is empty and its
// ${NAME:-default} takes the default (FROM node:${TAG:-latest} is
// node:latest). A declared ARG without a default, or a platform ARG, stays
// unknown: written as ${NAME}.
func (b *builder) expandFrom(word string) string {
	env := b.globalEnv()
	if !undeclaredHaveDefaults(word, b.m.Globals) {
		// FROM $BASE with no ARG BASE fails in BuildKit; keep it unknown
		// for files a wrapper substitutes before the build.
		return b.expand(word, env)
	}
	unknown := func(name string) {
		if _, ok := env[name]; !ok {
			env.set(name, "${"+name+"}")
		}
	}
	for _, a := range b.m.Globals {
		unknown(a.Name)
	}
	for _, name := range platformArgs {
		unknown(name)
	}
	lex := shell.NewLex(b.m.Escape)
	out, _, err := lex.ProcessWord(word, env)
	if err != nil {
		return b.expand(word, b.globalEnv())
	}
	return out
}

// varRef matches ${NAME...} and $NAME references.
var varRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)`)

// undeclaredHaveDefaults reports whether every variable of a FROM image
// that no global ARG (or BuildKit) declares is written with a default or
// alternate value (${TAG:-latest}, ${SUFFIX:+-slim}).
func undeclaredHaveDefaults(word string, globals []argDecl) bool {
	declared := func(name string) bool {
		if _, ok := lookupArg(globals, name); ok {
			return true
		}
		for _, p := range platformArgs {
			if p == name {
				return true
			}
		}
		return false
	}
	for _, m := range varRef.FindAllStringSubmatch(word, -1) {
		name, modifier := m[1], m[2]
		if name == "" {
			name = m[3]
		}
		if declared(name) {
			continue
		}
		if !strings.HasPrefix(strings.TrimPrefix(modifier, ":"), "-") && !strings.HasPrefix(strings.TrimPrefix(modifier, ":"), "+") {
			return false
		}
	}
	return true
}

// stageEnv is what instructions of the current stage are expanded with:
// the stage's ARGs, overridden by ENV.
func (b *builder) stageEnv() envMap {
	e := envMap{}
	for _, a := range b.cur.Args {
		if a.Known {
			e.set(a.Name, a.Value)
		}
	}
	for _, kv := range b.cur.Env {
		e.set(kv.Name, kv.Value)
	}
	return e
}

func (b *builder) expand(word string, env envMap) string {
	out, _, err := b.lex.ProcessWord(word, env)
	if err != nil {
		return word
	}
	return out
}

// unquote removes quotes and escapes but keeps every variable reference.
func (b *builder) unquote(word string) string { return b.expand(word, envMap{}) }

func (b *builder) parseArgs(ins *instruction, env envMap) []argDecl {
	var out []argDecl
	for i, w := range ins.Args {
		name, raw, has := strings.Cut(w, "=")
		d := argDecl{Name: name, Text: w, HasDefault: has, Pos: ins.argAt(i)}
		if has {
			d.Default = b.unquote(raw)
			d.Value = b.expand(raw, env)
			d.Known = true
		}
		out = append(out, d)
	}
	return out
}

func (b *builder) globalArg(ins *instruction) {
	if b.globalVars == nil {
		b.globalVars = b.globalEnv()
	}
	decls := b.parseArgs(ins, b.globalVars)
	for _, d := range decls {
		if !d.HasDefault {
			if prev, ok := lookupArg(b.m.Globals, d.Name); ok && prev.Known {
				d.Value, d.Known = prev.Value, true
			}
		}
		ins.ARG = append(ins.ARG, d)
		b.m.Globals = append(b.m.Globals, d)
	}
	// After the whole instruction, as before: its own earlier names are
	// not visible to its later defaults.
	for _, d := range ins.ARG[len(ins.ARG)-len(decls):] {
		if d.Known {
			b.globalVars.set(d.Name, d.Value)
		}
	}
}

func lookupArg(list []argDecl, name string) (argDecl, bool) {
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].Name == name {
			return list[i], true
		}
	}
	return argDecl{}, false
}

func (b *builder) stageArg(ins *instruction) {
	for _, d := range b.parseArgs(ins, b.stageEnv()) {
		if !d.HasDefault {
			if g, ok := lookupArg(b.m.Globals, d.Name); ok && g.Known {
				d.Value, d.Known = g.Value, true
			}
		}
		ins.ARG = append(ins.ARG, d)
		b.cur.Args = append(b.cur.Args, d)
	}
}

// validStageName is BuildKit's rule for AS names.
var validStageName = regexp.MustCompile(`^[a-z][a-z0-9-_.]*$`)

// checkFrom reports the FROM lines docker build rejects, with BuildKit's
// messages: a missing image, a dangling AS, an invalid stage name.
func (b *builder) checkFrom(ins *instruction) {
	switch {
	case len(ins.Args) == 3 && strings.EqualFold(ins.Args[1], "as"):
		if !validStageName.MatchString(strings.ToLower(ins.Args[2])) {
			b.errs = append(b.errs, errorAt(b.file, ins.Start, "invalid Dockerfile: invalid name for build stage: %q, name can't start with a number or contain symbols", ins.Args[2]))
		}
	case len(ins.Args) != 1:
		b.errs = append(b.errs, errorAt(b.file, ins.Start, "invalid Dockerfile: FROM requires either one or three arguments"))
	}
}

func (b *builder) from(ins *instruction) {
	b.checkFrom(ins)
	s := &stage{Index: len(b.m.Stages), Parent: -1, Instructions: []*instruction{ins}, Shell: defaultShell}
	ins.Stage, ins.Index = s.Index, 0
	if len(ins.Args) > 0 {
		s.RawImage = ins.Args[0]
		s.Image = b.expandFrom(ins.Args[0])
	}
	if len(ins.Args) >= 3 && strings.EqualFold(ins.Args[1], "as") {
		s.Name = strings.ToLower(ins.Args[2])
	}
	s.Platform, _ = ins.flag("platform")
	s.Scratch = strings.EqualFold(s.Image, "scratch")
	if windowsImage.MatchString(s.Image) {
		s.Shell = windowsShell
		s.Windows = true
	}
	for i, prev := range b.m.Stages {
		if prev.Name != "" && prev.Name == strings.ToLower(s.Image) {
			s.Parent = i
		}
	}
	if s.Parent < 0 {
		s.MaybeStage = mayNameStage(s.Image, b.m.Stages)
	}
	if s.Parent >= 0 {
		p := b.m.Stages[s.Parent]
		s.Windows = p.Windows
		s.Env = inheritEnv(p.Env)
		s.User = inherit(p.User)
		s.Healthcheck = inherit(p.Healthcheck)
		s.Shell = p.Shell
	}
	b.m.Stages = append(b.m.Stages, s)
	b.cur = s
}

// unresolvedVar matches a variable reference left in a FROM image.
var unresolvedVar = regexp.MustCompile(`\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*`)

// mayNameStage reports whether an image that still holds a variable
// (FROM base-${TARGETARCH}, FROM app-${VARIANT}-stage) can resolve to
// the name of an earlier stage: the stage it is built on, and so what it
// inherits, is then unknown.
func mayNameStage(image string, stages []*stage) bool {
	if !unresolvedVar.MatchString(image) {
		return false
	}
	parts := unresolvedVar.Split(strings.ToLower(image), -1)
	if strings.Join(parts, "") == "" {
		return false // FROM $BASE: an image passed by --build-arg, as a rule
	}
	for i, part := range parts {
		parts[i] = regexp.QuoteMeta(part)
	}
	pattern := regexp.MustCompile("^" + strings.Join(parts, ".*") + "$")
	for _, prev := range stages {
		if prev.Name != "" && pattern.MatchString(prev.Name) {
			return true
		}
	}
	return false
}

func inherit(s *setting) *setting {
	if s == nil {
		return nil
	}
	c := *s
	c.Inherited = true
	return &c
}

func inheritEnv(env []keyValue) []keyValue {
	out := make([]keyValue, len(env))
	for i, kv := range env {
		kv.Inherited = true
		out[i] = kv
	}
	return out
}

func (b *builder) env(ins *instruction) {
	env := b.stageEnv()
	for i := 0; i+1 < len(ins.Args); i += 3 {
		name, raw := ins.Args[i], ins.Args[i+1]
		kv := keyValue{Name: name, Raw: b.unquote(raw), Value: b.expand(raw, env), Pos: ins.argAt(i), Stage: ins.Stage, Index: ins.Index}
		kv.End = ins.argEnd(i + 1)
		ins.Env = append(ins.Env, kv)
	}
	for _, kv := range ins.Env {
		b.cur.Env = setEnv(b.cur.Env, kv)
	}
}

// setEnv replaces or appends name in env, keeping first-set order.
func setEnv(env []keyValue, kv keyValue) []keyValue {
	for i := range env {
		if env[i].Name == kv.Name {
			env[i] = kv
			return env
		}
	}
	return append(env, kv)
}

func (b *builder) user(ins *instruction) {
	if len(ins.Args) == 0 {
		return
	}
	ins.User = b.expand(ins.Args[0], b.stageEnv())
	b.cur.User = &setting{Value: ins.User, Raw: ins.Args[0], Stage: ins.Stage, Index: ins.Index, Line: ins.Start}
}

func (b *builder) healthcheck(ins *instruction) {
	ins.None = len(ins.Args) > 0 && strings.EqualFold(ins.Args[0], "none")
	b.cur.Healthcheck = &setting{Value: strings.Join(ins.Args, " "), None: ins.None, Stage: ins.Stage, Index: ins.Index, Line: ins.Start}
}

// envMap implements BuildKit's shell.EnvGetter.
type envMap map[string]string

func (e envMap) set(k, v string)             { e[k] = v }
func (e envMap) Get(k string) (string, bool) { v, ok := e[k]; return v, ok }
func (e envMap) Keys() []string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
