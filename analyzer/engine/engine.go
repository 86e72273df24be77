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
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

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
	queries map[string]*kindQuery
	// wildcard rules apply to every kind ("*" in custom.kinds).
	wildcard []*ruleSpec
	compiler *ast.Compiler
}

type kindQuery struct {
	query rego.PreparedEvalQuery
	rules []*ruleSpec // rules[i] is bound to variable r<i>
}

// New loads, parses and compiles every policy. A policy that does not parse
// or compile is an error naming its file and line.
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
	c := ast.NewCompiler().
		WithCapabilities(capabilities()).
		WithEnablePrintStatements(false).
		WithDefaultRegoVersion(ast.RegoV1)
	c.Compile(modules)
	if c.Failed() {
		return nil, fmt.Errorf("compile policies: %w", c.Errors)
	}
	specs, err := readRules(c)
	if err != nil {
		return nil, err
	}
	e := &Engine{rules: specs, byID: map[string]*ruleSpec{}, queries: map[string]*kindQuery{}, compiler: c}
	custom := customFiles(opts.PolicyDirs)
	for _, s := range specs {
		e.byID[s.ID] = s
		s.Custom = custom[s.File]
	}
	if err := e.prepare(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// Compiler returns the compiler holding every loaded module; the Rego test
// runner reuses it.
func (e *Engine) Compiler() *ast.Compiler { return e.compiler }

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
	if !ok {
		return false
	}
	for _, k := range s.Kinds {
		if k == kind || k == "*" {
			return true
		}
	}
	return false
}

func (e *Engine) prepare(ctx context.Context) error {
	byKind := map[string][]*ruleSpec{}
	for _, s := range e.rules {
		if !e.hasDeny(s) {
			continue // metadata-only rules: findings come from Go (SCH, ERR)
		}
		for _, k := range s.Kinds {
			if k == "*" {
				e.wildcard = append(e.wildcard, s)
				continue
			}
			byKind[k] = append(byKind[k], s)
		}
	}
	for k, specs := range byKind {
		q, err := e.prepareKind(ctx, append(specs, e.wildcard...))
		if err != nil {
			return fmt.Errorf("prepare rules for %s: %w", k, err)
		}
		e.queries[k] = q
	}
	if len(e.wildcard) > 0 {
		q, err := e.prepareKind(ctx, e.wildcard)
		if err != nil {
			return fmt.Errorf("prepare rules for all kinds: %w", err)
		}
		e.queries["*"] = q
	}
	return nil
}

func (e *Engine) hasDeny(s *ruleSpec) bool {
	return len(e.compiler.GetRulesExact(s.pkg.Append(ast.StringTerm("deny")))) > 0
}

func (e *Engine) prepareKind(ctx context.Context, specs []*ruleSpec) (*kindQuery, error) {
	var body ast.Body
	for i, s := range specs {
		v := ast.VarTerm(fmt.Sprintf("r%d", i))
		body = append(body, ast.Assign.Expr(v, ast.NewTerm(s.pkg.Append(ast.StringTerm("deny")))))
	}
	pq, err := rego.New(
		rego.Compiler(e.compiler),
		rego.ParsedQuery(body),
		rego.Capabilities(capabilities()),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, err
	}
	return &kindQuery{query: pq, rules: specs}, nil
}

// Eval evaluates r against the rules for its kind and returns the findings
// with their paths and ranges, including the adapter's own diagnostics.
func (e *Engine) Eval(ctx context.Context, r *resource.Resource) ([]result.Finding, error) {
	out := e.diagnostics(r)
	q := e.queries[r.Kind]
	if q == nil {
		q = e.queries["*"]
	}
	if q == nil {
		return out, nil
	}
	input, err := inputValue(r)
	if err != nil {
		return out, err
	}
	rs, err := q.query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return out, fmt.Errorf("%s: evaluate %s: %w", r.File, r.Name, err)
	}
	if len(rs) == 0 {
		return out, nil
	}
	for i, s := range q.rules {
		denials, _ := rs[0].Bindings[fmt.Sprintf("r%d", i)].([]any)
		for _, d := range denials {
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

func parseFS(modules map[string]*ast.Module, fsys fs.FS, prefix string) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isPolicyFile(p) {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return parseModule(modules, prefix+p, src)
	})
}

func parseDir(modules map[string]*ast.Module, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
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
		return parseModule(modules, p, src)
	})
}

// IsTestFile reports whether a Rego file holds unit tests rather than rules.
func IsTestFile(name string) bool { return strings.HasSuffix(name, "_test.rego") }

func isPolicyFile(name string) bool { return strings.HasSuffix(name, ".rego") && !IsTestFile(name) }

func parseModule(modules map[string]*ast.Module, name string, src []byte) error {
	m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{
		ProcessAnnotation: true,
		RegoVersion:       ast.RegoV1,
	})
	if err != nil {
		return fmt.Errorf("parse policy: %w", err)
	}
	modules[name] = m
	return nil
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

// KindsOf lists the kinds that have at least one rule, sorted.
func (e *Engine) KindsOf() []string {
	var ks []string
	for k := range e.queries {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
