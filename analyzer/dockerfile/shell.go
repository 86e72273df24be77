package dockerfile

import (
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// script is what rules need to know about the shell code of one RUN: every
// simple command with its argv and line, and every pipeline of two or more
// commands. Rego cannot parse shell, so this is computed once here and rules
// become list checks.
type script struct {
	Commands  []command
	Pipelines []pipeline
	// ParseError is set when the shell parser rejected the code; Commands
	// then come from a rough split on operators and whitespace.
	ParseError string
}

// command is one simple command. For "sudo apt-get install x" there are two:
// sudo, and apt-get with Wrapper "sudo".
type command struct {
	Name     string   // base name of argv[0]: "curl" for "/usr/bin/curl"
	Argv     []string // words with quotes removed; expansions kept as written
	Sub      string   // first operand, the subcommand for tools that have one ("install")
	Assigns  []assign // VAR=value prefixes
	Pos      source.Pos
	End      source.Pos   // end of the command on its first line
	ArgPos   []source.Pos // where each of Argv starts, when known
	Pipeline int          // index in script.Pipelines, -1 when not part of one
	Position int          // position inside the pipeline
	Wrapper  string       // command that runs this one: sudo, env, xargs, ...
	In       int          // index of the command whose argument holds this one in $(...) or <(...), -1 if none
	Nested   bool         // runs in a shell started by the RUN (sh -c '...', bash <<EOF)
	Followed bool         // a shell whose code (sh -c '...', bash <<EOF) is analyzed: its commands are listed too
}

type assign struct{ Name, Value string }

type pipeline struct {
	Pos      source.Pos
	End      source.Pos // end of the pipeline on its first line
	Commands []int
	Nested   bool
}

// maxNesting bounds how deep sh -c bodies and heredoc bodies are followed.
const maxNesting = 4

// shellNames run their -c argument or a heredoc on stdin as shell code.
var shellNames = map[string]bool{"sh": true, "bash": true, "ash": true, "dash": true, "zsh": true, "ksh": true, "mksh": true}

// wrappers run the rest of their arguments as a command. The value lists
// their options that take a separate value.
var wrappers = map[string][]string{
	"sudo":    {"-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T", "--user", "--group"},
	"doas":    {"-u", "-C"},
	"env":     {"-u", "-C", "-S", "--unset", "--chdir"},
	"nice":    {"-n", "--adjustment"},
	"nohup":   nil,
	"time":    {"-f", "-o", "--format", "--output"},
	"exec":    {"-a"},
	"command": nil,
	"stdbuf":  {"-i", "-o", "-e"},
	"xargs":   {"-I", "-L", "-n", "-P", "-d", "-E", "-s", "-a", "--arg-file", "--delimiter", "--max-args", "--max-procs"},
	"timeout": {"-s", "-k", "--signal", "--kill-after"},
	"gosu":    nil,
	"su-exec": nil,
	"chroot":  nil,
	// eatmydata and fakeroot run apt-get in Debian build images
	// (eatmydata apt-get install -y ...).
	"eatmydata": nil,
	"fakeroot":  {"-l", "--lib", "-s", "-i", "-b", "--faked"},
	"ionice":    {"-c", "-n", "-p", "--class", "--classdata"},
}

// operandFirst wrappers take one operand before the command: a duration, a
// user, a directory.
var operandFirst = map[string]bool{"timeout": true, "gosu": true, "su-exec": true, "chroot": true}

// valueFlags are the options of package managers that take a separate
// value, so that the subcommand is found after them.
var valueFlags = map[string][]string{
	"apt-get":  {"-o", "-c", "-t", "-a", "--option", "--config-file", "--target-release", "--host-architecture"},
	"apt":      {"-o", "-c", "-t", "-a", "--option", "--config-file", "--target-release"},
	"apk":      {"-X", "-p", "--repository", "--root", "--cache-dir", "--arch", "--keys-dir", "--repositories-file"},
	"yum":      {"-c", "-x", "-d", "-e", "--exclude", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "--setopt"},
	"dnf":      {"-c", "-x", "-d", "-e", "--exclude", "--installroot", "--releasever", "--enablerepo", "--disablerepo", "--setopt"},
	"microdnf": {"--enablerepo", "--disablerepo", "--setopt", "--installroot", "--releasever"},
	"tdnf":     {"-c", "--enablerepo", "--disablerepo", "--installroot", "--releasever"},
	"zypper":   {"-R", "--root", "-D", "--reposd-dir", "-C", "--cache-dir"},
}

// shellAnalyzer collects the commands of one RUN, following nested shells.
type shellAnalyzer struct {
	out *script
}

// analyzeShell parses src as POSIX/Bash code. posOf maps a byte offset of
// src to its position in the Dockerfile.
// Code for other shells (posix false) is only split roughly.
func analyzeShell(src string, posOf func(int) source.Pos, posix bool) *script {
	a := &shellAnalyzer{out: &script{}}
	if !posix {
		roughSplit(a.out, src, posOf)
		return a.out
	}
	if err := a.parse(src, posOf, false, 0); err != nil {
		a.out.ParseError = err.Error()
		a.out.Commands = nil
		a.out.Pipelines = nil
		roughSplit(a.out, src, posOf)
	}
	return a.out
}

// analyzeArgv records an exec-form RUN: argv runs without a shell, unless
// it starts one itself.
func analyzeArgv(argv []string, at source.Pos) *script {
	a := &shellAnalyzer{out: &script{}}
	if len(argv) == 0 {
		return a.out
	}
	a.emit(argv, nil, at, -1, 0, -1, false)
	return a.out
}

func (a *shellAnalyzer) parse(src string, posOf func(int) source.Pos, nested bool, depth int) error {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(src), "")
	if err != nil {
		return err
	}
	w := &walker{a: a, src: src, posOf: posOf, nested: nested, depth: depth, pipeOf: map[*syntax.Stmt][2]int{}}
	syntax.Walk(f, w.visit)
	return nil
}

// walker visits one parsed script. stack holds the nodes from the root to
// the current one, so that a command knows its pipeline and the command
// substitution it sits in.
type walker struct {
	a      *shellAnalyzer
	src    string
	posOf  func(int) source.Pos
	nested bool
	depth  int
	stack  []syntax.Node
	pipeOf map[*syntax.Stmt][2]int // pipeline element -> (pipeline, position)
	callIx map[*syntax.CallExpr]int
	// skip holds heredoc bodies already parsed as scripts of their own.
	skip map[*syntax.Word]bool
	// followed holds shell calls whose heredoc was parsed as their script.
	followed map[*syntax.CallExpr]bool
}

func (w *walker) visit(n syntax.Node) bool {
	if n == nil {
		w.stack = w.stack[:len(w.stack)-1]
		return true
	}
	if word, ok := n.(*syntax.Word); ok && w.skip[word] {
		return false
	}
	switch x := n.(type) {
	case *syntax.BinaryCmd:
		if isPipe(x) && !w.parentIsPipe() {
			w.addPipeline(x)
		}
	case *syntax.Stmt:
		w.heredocs(x)
	case *syntax.CallExpr:
		w.call(x)
	case *syntax.DeclClause:
		w.decl(x)
	}
	w.stack = append(w.stack, n)
	return true
}

func isPipe(b *syntax.BinaryCmd) bool { return b.Op == syntax.Pipe || b.Op == syntax.PipeAll }

func (w *walker) parentIsPipe() bool {
	// The parent of a BinaryCmd is its Stmt; the grandparent the BinaryCmd
	// that holds that Stmt.
	if len(w.stack) < 2 {
		return false
	}
	b, ok := w.stack[len(w.stack)-2].(*syntax.BinaryCmd)
	return ok && isPipe(b)
}

func (w *walker) addPipeline(b *syntax.BinaryCmd) {
	var elems []*syntax.Stmt
	var flatten func(s *syntax.Stmt)
	flatten = func(s *syntax.Stmt) {
		if inner, ok := s.Cmd.(*syntax.BinaryCmd); ok && isPipe(inner) && len(s.Redirs) == 0 && !s.Negated {
			flatten(inner.X)
			flatten(inner.Y)
			return
		}
		elems = append(elems, s)
	}
	flatten(b.X)
	flatten(b.Y)
	idx := len(w.a.out.Pipelines)
	start, end := int(b.Pos().Offset()), int(b.End().Offset())
	w.a.out.Pipelines = append(w.a.out.Pipelines, pipeline{Pos: w.posOf(start), End: lineEnd(w.posOf, start, end), Nested: w.nested})
	for i, s := range elems {
		w.pipeOf[s] = [2]int{idx, i}
	}
}

// context returns the pipeline of the current command and the command
// whose argument holds it in a substitution.
func (w *walker) context() (pipe, position, in int) {
	pipe, in = -1, -1
	inSubst := false
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch x := w.stack[i].(type) {
		case *syntax.CmdSubst, *syntax.ProcSubst:
			inSubst = true
		case *syntax.Stmt:
			if p, ok := w.pipeOf[x]; ok && !inSubst && pipe < 0 {
				pipe, position = p[0], p[1]
			}
		case *syntax.CallExpr:
			if inSubst {
				if ix, ok := w.callIx[x]; ok {
					return pipe, position, ix
				}
			}
		}
	}
	return pipe, position, in
}

func (w *walker) call(c *syntax.CallExpr) {
	if len(c.Args) == 0 {
		return
	}
	argv := make([]string, len(c.Args))
	for i, word := range c.Args {
		argv[i] = w.word(word)
	}
	var assigns []assign
	for _, as := range c.Assigns {
		if as.Name == nil {
			continue
		}
		v := ""
		if as.Value != nil {
			v = w.word(as.Value)
		}
		assigns = append(assigns, assign{Name: as.Name.Value, Value: v})
	}
	pipe, position, in := w.context()
	start, end := int(c.Pos().Offset()), int(c.End().Offset())
	first := w.a.emit(argv, assigns, w.posOf(start), pipe, position, in, w.nested)
	wordPos := make([]source.Pos, len(c.Args))
	for i, word := range c.Args {
		wordPos[i] = w.posOf(int(word.Pos().Offset()))
	}
	for i := first; i < len(w.a.out.Commands); i++ {
		cmd := &w.a.out.Commands[i]
		cmd.End = lineEnd(w.posOf, start, end)
		cmd.ArgPos = wordPos[len(wordPos)-len(cmd.Argv):]
	}
	if w.callIx == nil {
		w.callIx = map[*syntax.CallExpr]int{}
	}
	w.callIx[c] = first
	n := len(w.a.out.Commands)
	if w.shellC(c) || w.followed[c] {
		for i := first; i < n; i++ {
			if shellNames[w.a.out.Commands[i].Name] {
				w.a.out.Commands[i].Followed = true
			}
		}
	}
}

// decl records export NAME=value (and declare -x, typeset -x) as a command
// named after the keyword whose assigns are the variables it exports: they
// reach every later command of the RUN, as a NAME=value prefix reaches one
// (export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm install).
func (w *walker) decl(d *syntax.DeclClause) {
	argv := []string{d.Variant.Value}
	exported := d.Variant.Value == "export"
	var assigns []assign
	for _, as := range d.Args {
		if as.Name == nil {
			if as.Value != nil { // an option: -x, -r
				opt := w.word(as.Value)
				argv = append(argv, opt)
				exported = exported || (strings.HasPrefix(opt, "-") && strings.Contains(opt, "x"))
			}
			continue
		}
		if as.Naked || as.Value == nil {
			argv = append(argv, as.Name.Value)
			continue
		}
		v := w.word(as.Value)
		argv = append(argv, as.Name.Value+"="+v)
		assigns = append(assigns, assign{Name: as.Name.Value, Value: v})
	}
	if !exported {
		assigns = nil
	}
	pipe, position, in := w.context()
	start, end := int(d.Pos().Offset()), int(d.End().Offset())
	first := w.a.emit(argv, assigns, w.posOf(start), pipe, position, in, w.nested)
	for i := first; i < len(w.a.out.Commands); i++ {
		w.a.out.Commands[i].End = lineEnd(w.posOf, start, end)
	}
}

// shellC follows "sh -c 'code'" into the code, best effort: the code must
// be a literal word. It reports whether the code was followed.
func (w *walker) shellC(c *syntax.CallExpr) bool {
	if w.depth >= maxNesting {
		return false
	}
	at := w.codeRunner(c, true)
	if at < 0 {
		return false
	}
	for i := at + 1; i+1 < len(c.Args); i++ {
		flag := w.word(c.Args[i])
		if !isShortFlagWith(flag, 'c') {
			continue
		}
		body := c.Args[i+1]
		code, ok := literal(body)
		if !ok || len(body.Parts) == 0 {
			return false
		}
		start := int(body.Pos().Offset())
		if _, quoted := body.Parts[0].(*syntax.SglQuoted); quoted {
			start++
		} else if _, quoted := body.Parts[0].(*syntax.DblQuoted); quoted {
			start++
		}
		_ = w.a.parse(code, func(off int) source.Pos { return w.posOf(start + off) }, true, w.depth+1)
		return true
	}
	return false
}

// heredocs follows here-documents that a shell runs: "RUN <<EOF" (the
// body is the RUN's script) and "bash <<EOF".
func (w *walker) heredocs(s *syntax.Stmt) {
	if w.depth >= maxNesting {
		return
	}
	nested := w.nested
	if c, ok := s.Cmd.(*syntax.CallExpr); ok && len(c.Args) > 0 {
		if w.codeRunner(c, false) < 0 || hasShortFlag(c, w, 'c') {
			return
		}
		nested = true
	} else if s.Cmd != nil {
		return
	}
	for _, r := range s.Redirs {
		if (r.Op != syntax.Hdoc && r.Op != syntax.DashHdoc) || r.Hdoc == nil || len(r.Hdoc.Parts) == 0 {
			continue
		}
		start, end := int(r.Hdoc.Pos().Offset()), int(r.Hdoc.End().Offset())
		if start < 0 || end > len(w.src) || start > end {
			continue
		}
		body := trimTerminator(w.src[start:end], r.Word)
		if strings.HasPrefix(body, "#!") && !isShellShebang(body) {
			continue // a script for another interpreter
		}
		if w.skip == nil {
			w.skip = map[*syntax.Word]bool{}
		}
		w.skip[r.Hdoc] = true
		_ = w.a.parse(body, func(off int) source.Pos { return w.posOf(start + off) }, nested, w.depth+1)
		if c, ok := s.Cmd.(*syntax.CallExpr); ok {
			if w.followed == nil {
				w.followed = map[*syntax.CallExpr]bool{}
			}
			w.followed[c] = true
		}
	}
}

func isShellShebang(body string) bool {
	first, _, _ := strings.Cut(body, "\n")
	fields := strings.Fields(strings.TrimPrefix(first, "#!"))
	if len(fields) == 0 {
		return false
	}
	name := path.Base(fields[0])
	if name == "env" && len(fields) > 1 {
		name = path.Base(fields[1])
	}
	return shellNames[name]
}

func hasShortFlag(c *syntax.CallExpr, w *walker, f byte) bool {
	for _, a := range c.Args[1:] {
		if isShortFlagWith(w.word(a), f) {
			return true
		}
	}
	return false
}

// suCommands run the code of their -c option through the user's shell
// (su - node -c "curl ... | bash", runuser -l app -c '...').
var suCommands = map[string]bool{"su": true, "runuser": true}

// codeRunner returns the index in c.Args of the shell that runs the call,
// after wrappers (sudo -u app bash -c '...', env X=1 sh -c '...'), or -1.
// withSu also accepts su and runuser, whose -c code a shell runs.
func (w *walker) codeRunner(c *syntax.CallExpr, withSu bool) int {
	words := make([]string, len(c.Args))
	for i, a := range c.Args {
		words[i] = w.word(a)
	}
	for i := 0; i < len(words); {
		name := commandName(words[i])
		if shellNames[name] || (withSu && suCommands[name]) {
			return i
		}
		next := unwrap(name, words[i+1:])
		if next == nil {
			return -1
		}
		i = len(words) - len(next)
	}
	return -1
}

// isShortFlagWith reports whether arg is a group of short options holding
// f: "-c", "-ec", "-xc".
func isShortFlagWith(arg string, f byte) bool {
	return len(arg) > 1 && arg[0] == '-' && arg[1] != '-' && strings.IndexByte(arg, f) > 0
}

// lineEnd returns where the code from start to end stops on the line it
// starts on: a multi-line command is highlighted on its first line only.
func lineEnd(posOf func(int) source.Pos, start, end int) source.Pos {
	first := posOf(start)
	last := first
	for off := start; off < end; off++ {
		p := posOf(off)
		if p.Line != first.Line {
			break
		}
		last = p
	}
	return source.Pos{Line: last.Line, Col: last.Col + 1}
}

// word renders a word with quotes removed; parts that are expanded at run
// time ($VAR, $(cmd)) are kept as written.
func (w *walker) word(word *syntax.Word) string {
	var b strings.Builder
	for _, part := range word.Parts {
		switch p := part.(type) {
		case *syntax.Lit:
			b.WriteString(unescape(p.Value))
		case *syntax.SglQuoted:
			if p.Dollar {
				b.WriteString(w.raw(p))
			} else {
				b.WriteString(p.Value)
			}
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				if l, ok := q.(*syntax.Lit); ok {
					b.WriteString(unescapeDouble(l.Value))
				} else {
					b.WriteString(w.raw(q))
				}
			}
		default:
			b.WriteString(w.raw(part))
		}
	}
	return b.String()
}

func (w *walker) raw(n syntax.Node) string {
	s, e := int(n.Pos().Offset()), int(n.End().Offset())
	if s < 0 || e > len(w.src) || s > e {
		return ""
	}
	return w.src[s:e]
}

// literal returns the value of a word without expansions.
func literal(word *syntax.Word) (string, bool) {
	var b strings.Builder
	for _, part := range word.Parts {
		switch p := part.(type) {
		case *syntax.Lit:
			b.WriteString(unescape(p.Value))
		case *syntax.SglQuoted:
			if p.Dollar {
				return "", false
			}
			b.WriteString(p.Value)
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				l, ok := q.(*syntax.Lit)
				if !ok {
					return "", false
				}
				b.WriteString(unescapeDouble(l.Value))
			}
		default:
			return "", false
		}
	}
	return b.String(), true
}

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == '\n' {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func unescapeDouble(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("$`\"\\\n", s[i+1]) >= 0 {
			i++
			if s[i] == '\n' {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// emit records argv and, when argv[0] is a wrapper such as sudo or env,
// the command it runs. It returns the index of the first entry.
func (a *shellAnalyzer) emit(argv []string, assigns []assign, at source.Pos, pipe, position, in int, nested bool) int {
	first := len(a.out.Commands)
	wrapper := ""
	for len(argv) > 0 {
		name := commandName(argv[0])
		a.out.Commands = append(a.out.Commands, command{
			Name: name, Argv: argv, Sub: subcommand(name, argv[1:]), Assigns: assigns, Pos: at,
			Pipeline: pipe, Position: position, Wrapper: wrapper, In: in, Nested: nested,
		})
		if pipe >= 0 {
			a.out.Pipelines[pipe].Commands = append(a.out.Pipelines[pipe].Commands, len(a.out.Commands)-1)
		}
		assigns = nil
		next := unwrap(name, argv[1:])
		if next == nil {
			break
		}
		argv, wrapper = next, name
	}
	return first
}

// commandName is the program argv0 runs: its base name, also for a Windows
// path, without the .exe of Windows images (curl.exe -k is curl -k).
func commandName(argv0 string) string {
	name := path.Base(argv0)
	if i := strings.LastIndexByte(name, '\\'); i >= 0 && i < len(name)-1 {
		name = name[i+1:]
	}
	if len(name) > 4 && strings.EqualFold(name[len(name)-4:], ".exe") {
		name = name[:len(name)-4]
	}
	return name
}

// unwrap returns the command a wrapper runs, or nil.
func unwrap(name string, args []string) []string {
	if strings.HasPrefix(name, "python") {
		for i := 0; i+1 < len(args); i++ {
			if args[i] == "-m" {
				return args[i+1:]
			}
		}
		return nil
	}
	flags, ok := wrappers[name]
	if !ok {
		return nil
	}
	if name == "command" && len(args) > 0 && (args[0] == "-v" || args[0] == "-V") {
		return nil // a lookup, not a run
	}
	i := skipOptions(args, flags)
	if name == "env" {
		for i < len(args) && strings.Contains(args[i], "=") && !strings.HasPrefix(args[i], "-") {
			i++
		}
	}
	if operandFirst[name] && i < len(args) {
		i++
	}
	if i >= len(args) {
		return nil
	}
	return args[i:]
}

// skipOptions returns the index of the first operand of args.
func skipOptions(args []string, valued []string) int {
	i := 0
	for i < len(args) {
		a := args[i]
		switch {
		case a == "--":
			return i + 1
		case strings.HasPrefix(a, "-") && len(a) > 1:
			i++
			if contains(valued, a) && !strings.Contains(a, "=") {
				i++
			}
		default:
			return i
		}
	}
	return i
}

func subcommand(name string, args []string) string {
	i := skipOptions(args, valueFlags[name])
	if i < len(args) {
		return args[i]
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// roughSplit is the fallback for code the shell parser rejects (Windows
// shells, odd escapes): commands are split on ;, &&, || and |, words on
// blanks, quotes dropped.
func roughSplit(out *script, src string, posOf func(int) source.Pos) {
	var words []string
	start := -1
	pipe := -1
	position := 0
	flush := func(endsPipe bool) {
		if len(words) > 0 {
			if endsPipe && pipe < 0 {
				pipe = len(out.Pipelines)
				out.Pipelines = append(out.Pipelines, pipeline{Pos: posOf(start)})
			}
			a := &shellAnalyzer{out: out}
			a.emit(words, nil, posOf(start), pipe, position, -1, false)
		}
		words, start = nil, -1
		if endsPipe {
			position++
		} else {
			pipe, position = -1, 0
		}
	}
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '|' && (i+1 >= len(src) || src[i+1] != '|'):
			flush(true)
			i++
		case c == ';' || c == '\n' || c == '&':
			flush(false)
			i++
		case c == '|':
			flush(false)
			i += 2
		case c == ' ' || c == '\t' || c == '\r':
			i++
		default:
			j := i
			for j < len(src) && strings.IndexByte(" \t\r\n;&|", src[j]) < 0 {
				if src[j] == '\'' || src[j] == '"' {
					if k := strings.IndexByte(src[j+1:], src[j]); k >= 0 {
						j += k + 1
					}
				}
				j++
			}
			if start < 0 {
				start = i
			}
			words = append(words, strings.Trim(src[i:j], `'"`))
			i = j
		}
	}
	flush(false)
}

// trimTerminator drops the closing delimiter line that the parser's range
// of a heredoc body may include.
func trimTerminator(body string, delim *syntax.Word) string {
	if delim == nil {
		return body
	}
	name, ok := literal(delim)
	if !ok || name == "" {
		return body
	}
	trimmed := strings.TrimRight(body, "\n")
	if i := strings.LastIndexByte(trimmed, '\n'); strings.TrimLeft(trimmed[i+1:], "\t") == name {
		return trimmed[:i+1]
	}
	return body
}
