// Package engine compiles the Rego rules once and evaluates canonical
// resources against them.
//
// Rules are dispatched by kind: for every resource kind the engine prepares
// one query that binds the deny set of each rule for that kind, so a
// resource is evaluated only against its own rules, in a single Eval. The
// prepared queries are safe for concurrent use.
package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/rules"
)

// Options configure which policies are loaded.
type Options struct {
	// PolicyDirs hold custom rules (.rego files, searched recursively) that
	// follow the same METADATA contract as the built-in ones.
	PolicyDirs []string
	// NoBuiltins leaves the embedded rules out (for testing custom rules).
	NoBuiltins bool
}

// Engine evaluates resources. Create it with New; it is safe for concurrent
// use.
type Engine struct {
	rules   []*ruleSpec
	byID    map[string]*ruleSpec
	modules map[string]*ast.Module
	// ruleFiles are the modules that declare a rule; every other module
	// (lib/, a user's helpers) is compiled with every kind.
	ruleFiles map[string]bool

	mu    sync.Mutex
	kinds map[string]*kindState
}

// kindState is the prepared query of one kind, made on first use.
type kindState struct {
	once  sync.Once
	query *kindQuery // nil when no rule applies to the kind
	err   error
}

type kindQuery struct {
	query rego.PreparedEvalQuery
	rules []*ruleSpec // rules[i] is bound to variable r<i>
}

// New loads and parses every policy and reads the rules' metadata. A policy
// that does not parse is an error naming its file and line. Built-in rules
// are compiled per kind on first use, so a scan of one file compiles only
// the rules it needs; custom policies are compiled here, so that a mistake
// in them is reported before the scan.
func New(ctx context.Context, opts Options) (*Engine, error) {
	modules := map[string]*ast.Module{}
	if !opts.NoBuiltins {
		if err := parseFS(modules, rules.FS, "builtin:"); err != nil {
			return nil, err
		}
	}
	for _, dir := range opts.PolicyDirs {
		if err := parseDir(modules, dir); err != nil {
			return nil, err
		}
	}
	specs, err := readRules(modules)
	if err != nil {
		return nil, err
	}
	e := &Engine{rules: specs, byID: map[string]*ruleSpec{}, modules: modules, ruleFiles: map[string]bool{}, kinds: map[string]*kindState{}}
	custom := customFiles(opts.PolicyDirs)
	for _, s := range specs {
		e.byID[s.ID] = s
		e.ruleFiles[s.File] = true
		s.Custom = custom[s.File]
	}
	if len(opts.PolicyDirs) > 0 {
		if _, err := compile(modules); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// Rules returns the metadata of every loaded rule, sorted by ID.
func (e *Engine) Rules() []result.Rule {
	out := make([]result.Rule, len(e.rules))
	for i, s := range e.rules {
		out[i] = s.Rule
	}
	return out
}

// Rule returns the metadata of one rule.
func (e *Engine) Rule(id string) (result.Rule, bool) {
	s, ok := e.byID[id]
	if !ok {
		return result.Rule{}, false
	}
	return s.Rule, true
}

// Applies reports whether rule id is loaded and declares kind (or "*") in
// its metadata.
func (e *Engine) Applies(id, kind string) bool {
	s, ok := e.byID[id]
	return ok && s.appliesTo(kind)
}

func (s *ruleSpec) appliesTo(kind string) bool {
	for _, k := range s.Kinds {
		if k == kind || k == "*" {
			return true
		}
	}
	return false
}

// query returns the prepared query of a kind, compiling its rules the first
// time.
func (e *Engine) query(ctx context.Context, kind string) (*kindQuery, error) {
	e.mu.Lock()
	st := e.kinds[kind]
	if st == nil {
		st = &kindState{}
		e.kinds[kind] = st
	}
	e.mu.Unlock()
	st.once.Do(func() { st.query, st.err = e.prepareKind(ctx, kind) })
	return st.query, st.err
}

// prepareKind compiles the shared modules with the rules of one kind and
// prepares a query binding each rule's deny set.
func (e *Engine) prepareKind(ctx context.Context, kind string) (*kindQuery, error) {
	var specs []*ruleSpec
	for _, s := range e.rules {
		if s.hasDeny && s.appliesTo(kind) {
			specs = append(specs, s)
		}
	}
	if len(specs) == 0 {
		return nil, nil
	}
	c, err := compile(e.subset(specs))
	if err != nil {
		// A rule may import another kind's package; the whole set decides.
		if c, err = compile(e.modules); err != nil {
			return nil, err
		}
	}
	var body ast.Body
	for i, s := range specs {
		v := ast.VarTerm(fmt.Sprintf("r%d", i))
		body = append(body, ast.Assign.Expr(v, ast.NewTerm(s.pkg.Append(ast.StringTerm("deny")))))
	}
	pq, err := rego.New(
		rego.Compiler(c),
		rego.ParsedQuery(body),
		rego.Capabilities(capabilities()),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare rules for %s: %w", kind, err)
	}
	return &kindQuery{query: pq, rules: specs}, nil
}

// subset is every module that declares no rule plus the given rules'.
func (e *Engine) subset(specs []*ruleSpec) map[string]*ast.Module {
	want := map[string]bool{}
	for _, s := range specs {
		want[s.File] = true
	}
	out := map[string]*ast.Module{}
	for name, m := range e.modules {
		if !e.ruleFiles[name] || want[name] {
			out[name] = m
		}
	}
	return out
}

func compile(modules map[string]*ast.Module) (*ast.Compiler, error) {
	c := ast.NewCompiler().
		WithCapabilities(capabilities()).
		WithEnablePrintStatements(false).
		WithDefaultRegoVersion(ast.RegoV1)
	c.Compile(modules)
	if c.Failed() {
		return nil, fmt.Errorf("compile policies: %w", c.Errors)
	}
	return c, nil
}

// Eval evaluates r against the rules for its kind and returns the findings
// with their paths and ranges, including the adapter's own diagnostics.
func (e *Engine) Eval(ctx context.Context, r *resource.Resource) ([]result.Finding, error) {
	out := e.diagnostics(r)
	q, err := e.query(ctx, r.Kind)
	if err != nil || q == nil {
		return out, err
	}
	input, err := inputValue(r)
	if err != nil {
		return out, err
	}
	rs, err := q.query.Eval(withResource(ctx, r), rego.EvalParsedInput(input))
	if err != nil {
		return out, fmt.Errorf("%s: evaluate %s: %w", r.File, r.Name, err)
	}
	if len(rs) == 0 {
		return out, nil
	}
	denials := make([][]any, len(q.rules))
	n := len(out)
	for i := range q.rules {
		denials[i], _ = rs[0].Bindings[fmt.Sprintf("r%d", i)].([]any)
		n += len(denials[i])
	}
	// Findings are large: size the slice once rather than growing it.
	out = slices.Grow(out, n-len(out))
	for i, s := range q.rules {
		for _, d := range denials[i] {
			f, err := s.finding(d)
			if err != nil {
				return out, fmt.Errorf("%s: %w", s.File, err)
			}
			out = append(out, e.place(r, f))
		}
	}
	return out, nil
}

func (e *Engine) diagnostics(r *resource.Resource) []result.Finding {
	var out []result.Finding
	for _, d := range r.Diagnostics {
		f := result.Finding{RuleID: d.RuleID, Message: d.Message, Path: d.Path}
		if s, ok := e.byID[d.RuleID]; ok {
			f.Severity = s.Severity
		}
		if d.Severity != "" {
			if sev, err := result.ParseSeverity(d.Severity); err == nil {
				f.Severity = sev
			}
		}
		if f.Severity == 0 {
			f.Severity = result.Medium
		}
		f = e.place(r, f)
		if !d.Range.IsZero() {
			f.Range = d.Range
		}
		out = append(out, f)
	}
	return out
}

// place fills in where a finding is and what it belongs to.
func (e *Engine) place(r *resource.Resource, f result.Finding) result.Finding {
	f.Range = r.Locate(f.Path)
	if f.Range.File == "" {
		f.Range.File = r.File
	}
	f.Resource = r.Name
	f.Kind = r.Kind
	return f
}

// finding converts one element of a deny set. Rules may return an object
// {"msg", "path", "severity"} or, as in conftest, a bare message string.
func (s *ruleSpec) finding(d any) (result.Finding, error) {
	f := result.Finding{RuleID: s.ID, Severity: s.Severity}
	switch v := d.(type) {
	case string:
		f.Message = v
		return f, nil
	case map[string]any:
		f.Message, _ = v["msg"].(string)
		f.Path = toPath(v["path"])
		if sv, ok := v["severity"].(string); ok {
			sev, err := result.ParseSeverity(sv)
			if err != nil {
				return f, fmt.Errorf("rule %s: %w", s.ID, err)
			}
			f.Severity = sev
		}
		if f.Message == "" {
			return f, fmt.Errorf("rule %s: deny element has no msg", s.ID)
		}
		return f, nil
	}
	return f, fmt.Errorf("rule %s: deny element must be an object with msg and path, got %T", s.ID, d)
}

func toPath(v any) source.Path {
	elems, _ := v.([]any)
	p := make(source.Path, 0, len(elems))
	for _, e := range elems {
		switch x := e.(type) {
		case string:
			p = append(p, x)
		case json.Number:
			n, _ := x.Int64()
			p = append(p, int(n))
		case float64:
			p = append(p, int(x))
		case int:
			p = append(p, x)
		}
	}
	return p
}

func inputValue(r *resource.Resource) (ast.Value, error) {
	spec, err := ast.InterfaceToValue(r.Spec)
	if err != nil {
		return nil, fmt.Errorf("%s: convert %s: %w", r.File, r.Name, err)
	}
	meta := ast.NewObject(
		ast.Item(ast.StringTerm("file"), ast.StringTerm(filepath.ToSlash(r.File))),
		ast.Item(ast.StringTerm("format"), ast.StringTerm(r.Format)),
		ast.Item(ast.StringTerm("name"), ast.StringTerm(r.Name)),
	)
	return ast.NewObject(
		ast.Item(ast.StringTerm("kind"), ast.StringTerm(r.Kind)),
		ast.Item(ast.StringTerm("meta"), ast.NewTerm(meta)),
		ast.Item(ast.StringTerm("spec"), ast.NewTerm(spec)),
	), nil
}

// policySource is one Rego file to parse.
type policySource struct {
	name string
	src  []byte
}

func parseFS(modules map[string]*ast.Module, fsys fs.FS, prefix string) error {
	var srcs []policySource
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isPolicyFile(p) {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		srcs = append(srcs, policySource{prefix + p, src})
		return err
	})
	if err != nil {
		return err
	}
	return parseAll(modules, srcs)
}

func parseDir(modules map[string]*ast.Module, dir string) error {
	var srcs []policySource
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("policy directory: %w", err)
		}
		if d.IsDir() || !isPolicyFile(p) {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read policy: %w", err)
		}
		srcs = append(srcs, policySource{p, src})
		return nil
	})
	if err != nil {
		return err
	}
	return parseAll(modules, srcs)
}

// parseAll parses on every CPU: parsing, METADATA included, is most of a
// one-file scan's start-up time.
func parseAll(modules map[string]*ast.Module, srcs []policySource) error {
	parsed := make([]*ast.Module, len(srcs))
	errs := make([]error, len(srcs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				parsed[i], errs[i] = parseModule(srcs[i].name, srcs[i].src)
			}
		}()
	}
	for i := range srcs {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i, m := range parsed {
		modules[srcs[i].name] = m
	}
	return nil
}

// IsTestFile reports whether a Rego file holds unit tests rather than rules.
func IsTestFile(name string) bool { return strings.HasSuffix(name, "_test.rego") }

func isPolicyFile(name string) bool { return strings.HasSuffix(name, ".rego") && !IsTestFile(name) }

func parseModule(name string, src []byte) (*ast.Module, error) {
	m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{
		ProcessAnnotation: true,
		RegoVersion:       ast.RegoV1,
	})
	if err != nil {
		return nil, fmt.Errorf("parse policy: %w", err)
	}
	return m, nil
}

// customFiles marks which module files came from user policy directories.
func customFiles(dirs []string) map[string]bool {
	out := map[string]bool{}
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				out[p] = true
			}
			return nil
		})
	}
	return out
}
