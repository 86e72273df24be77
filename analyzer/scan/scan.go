// Package scan is the driver of the analysis pipeline: discover, detect,
// parse and adapt, evaluate, locate, and collect a report. It holds no
// knowledge of any input format or rule beyond the tables in load.go.
package scan

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"syscall"
	"time"

	"github.com/shipcheck/shipcheck/analyzer/config"
	"github.com/shipcheck/shipcheck/analyzer/discover"
	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/kubernetes"
	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/schema"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/analyzer/suppress"
	"github.com/shipcheck/shipcheck/analyzer/terraform"
)

// DefaultMaxFileSize bounds what is read of one file.
const DefaultMaxFileSize = 10 << 20

// StdinName is the file name findings on standard input carry.
const StdinName = "-"

// Options configure a scan.
type Options struct {
	Paths []string
	// Stdin is read when Paths holds "-".
	Stdin io.Reader
	// Type forces an input format (one of Types); empty detects it.
	Type   string
	Engine *engine.Engine
	// Workers evaluating in parallel; 0 means GOMAXPROCS.
	Workers int
	// MaxFileSize in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	Discover    discover.Options
	// Terraform holds variable values for Terraform modules.
	Terraform terraform.Options
	// Walked treats explicit paths as if found by walking: files of no
	// supported format are skipped instead of being errors (--files-from).
	Walked bool

	// Rules overrides rules' defaults (on or off, severity) by rule ID.
	Rules map[string]config.Rule
	// Excluded skips the paths it matches, named ones included
	// (configuration excludes, which pre-commit's file lists must honour).
	Excluded func(path string) bool
	// Ignores are the configuration's ignore entries.
	Ignores []*suppress.Ignore
	// NoInlineIgnores disables ignore comments and annotations (audits).
	NoInlineIgnores bool
	// Now decides which suppressions have expired; zero means today.
	Now time.Time

	rules *ruleTable
	// accounts are the scan's ServiceAccounts, for K8S018.
	accounts []kubernetes.ServiceAccount
	inline   *suppress.Set // nil when inline ignores are off
}

// unit is what one worker loads at once: a file, or a Terraform module's
// files in one folder.
type unit struct {
	format string
	files  []discover.File
}

// outcome is what one unit produced.
type outcome struct {
	files    []string
	findings []result.Finding
	errors   []result.ToolError
	notes    []result.ToolError
}

// Run scans and returns the report. Errors in individual files are in the
// report; Run fails only when the scan cannot happen at all.
func Run(ctx context.Context, opts Options) (*result.Report, error) {
	if opts.Engine == nil {
		return nil, errors.New("scan: no engine")
	}
	if opts.MaxFileSize == 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	opts.rules = newRuleTable(opts.Engine, opts.Rules)
	if !opts.NoInlineIgnores {
		opts.inline = suppress.NewSet(suppress.Options{Now: opts.Now, Known: opts.rules.known})
	}
	files, walkErrs := discover.Walk(opts.Paths, opts.Discover)
	rep := &result.Report{Rules: opts.rules.list}
	for _, err := range walkErrs {
		addError(rep, toolError("", err))
	}
	units := plan(files, opts)
	opts.accounts = serviceAccounts(units, opts)
	for o := range evaluate(ctx, units, opts) {
		rep.Files = append(rep.Files, o.files...)
		rep.Findings = append(rep.Findings, o.findings...)
		for _, e := range o.errors {
			addError(rep, e)
		}
		rep.Notes = append(rep.Notes, o.notes...)
	}
	rep.Notes = uniqueNotes(rep.Notes)
	applyIgnores(rep, opts)
	finish(rep)
	return rep, nil
}

// plan groups files into units: Terraform files by folder, every other
// file alone.
func plan(files []discover.File, opts Options) []unit {
	var units []unit
	modules := map[string]int{}
	for _, f := range files {
		if opts.Walked {
			f.Explicit = false
		}
		format := formatOf(f.Path)
		if opts.Type != "" {
			format = typeFormat(opts.Type, format)
		}
		if (format == "" && !f.Explicit) || (opts.Excluded != nil && opts.Excluded(f.Path)) {
			continue
		}
		if format == FormatTerraform && f.Path != StdinName {
			dir := filepath.Dir(f.Path)
			if i, ok := modules[dir]; ok {
				units[i].files = append(units[i].files, f)
				continue
			}
			modules[dir] = len(units)
		}
		units = append(units, unit{format: format, files: []discover.File{f}})
	}
	return dropCalledModules(units)
}

// dropCalledModules removes the Terraform folders that another scanned
// module calls as a local module: that call already reports their
// resources (module.<name>.<address>, with the arguments passed) and parse
// errors, and loading them again as roots would report everything twice.
func dropCalledModules(units []unit) []unit {
	called := map[string]bool{}
	for _, u := range units {
		if u.format != FormatTerraform || u.files[0].Path == StdinName {
			continue
		}
		files := make([]string, len(u.files))
		for i, f := range u.files {
			files[i] = f.Path
		}
		for _, d := range terraform.LocalModules(filepath.Dir(u.files[0].Path), files) {
			called[filepath.Clean(d)] = true
		}
	}
	if len(called) == 0 {
		return units
	}
	out := units[:0]
	for _, u := range units {
		if u.format == FormatTerraform && u.files[0].Path != StdinName && called[filepath.Clean(filepath.Dir(u.files[0].Path))] {
			continue
		}
		out = append(out, u)
	}
	return out
}

// evaluate loads and evaluates units on a pool of workers. Resources are
// dropped as soon as they are evaluated, so memory stays flat.
func evaluate(ctx context.Context, units []unit, opts Options) <-chan outcome {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	in := make(chan unit)
	out := make(chan outcome, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range in {
				out <- run(ctx, u, opts)
			}
		}()
	}
	go func() {
		for _, u := range units {
			in <- u
		}
		close(in)
		wg.Wait()
		close(out)
	}()
	return out
}

// run loads one unit and evaluates its resources.
func run(ctx context.Context, u unit, opts Options) (o outcome) {
	for _, f := range u.files {
		o.files = append(o.files, f.Path)
	}
	defer recoverUnit(u, &o)
	resources, data, errs := load(u, opts)
	kubernetes.ApplyServiceAccounts(resources, opts.accounts)
	for _, err := range errs {
		if note, ok := templateNote(err); ok {
			o.notes = append(o.notes, note)
			continue
		}
		o.errors = append(o.errors, toolError(u.files[0].Path, err))
	}
	for _, r := range resources {
		prepare(r, opts.Engine)
		fs, err := opts.Engine.Eval(ctx, r)
		if r.Fragment {
			fs = kubernetes.FragmentFindings(r, fs)
		}
		fs = opts.rules.apply(fs)
		if opts.inline != nil {
			opts.inline.Apply(r, fs, unitReader(u, data, opts))
		}
		o.findings = append(o.findings, fs...)
		if err != nil {
			o.errors = append(o.errors, toolError(r.File, err))
		}
	}
	return o
}

// recoverUnit turns a panic while loading or evaluating a unit (a bug,
// most likely in a parser on unusual input) into an error on the unit's
// file: the rest of the scan goes on and the exit code says it failed.
// The findings made before the panic are kept.
func recoverUnit(u unit, o *outcome) {
	v := recover()
	if v == nil {
		return
	}
	o.errors = append(o.errors, result.ToolError{
		Range:   source.Range{File: u.files[0].Path},
		Message: fmt.Sprintf("internal error, the file was not fully scanned (please report it with the file): %v", v),
	})
}

// prepare runs the Go-side checks every resource gets before the rules:
// schema violations become SCH001/SCH002 diagnostics, and the offending
// values are taken out of the spec so that rules treat them as absent.
//
// Only kinds the schema rules declare in their metadata are validated: the
// other schemas document adapter output, which is not the user's to fix.
func prepare(r *resource.Resource, eng *engine.Engine) {
	if !schema.Has(r.Kind) || !eng.Applies(schema.UnknownField, r.Kind) {
		return
	}
	diags := schema.Validate(r)
	if len(diags) == 0 {
		return
	}
	schema.Sanitize(r, diags)
	r.Diagnostics = append(r.Diagnostics, diags...)
}

// load returns the unit's resources and, for a single file, its text.
func load(u unit, opts Options) ([]*resource.Resource, []byte, []error) {
	if u.format == FormatTerraform && u.files[0].Path != StdinName {
		rs, errs := loadModule(u, opts)
		return rs, nil, errs
	}
	f := u.files[0]
	data, err := read(f, opts)
	if err != nil {
		return nil, nil, []error{err}
	}
	format := u.format
	if format == "" || (f.Path == StdinName && opts.Type == "") {
		format = sniff(data)
	}
	want := ""
	if opts.Type == FormatECS || opts.Type == FormatPlan {
		want = opts.Type
	}
	rs, errs := loadFile(format, f.Path, data, f.Explicit, want)
	if f.Explicit && len(rs) == 0 && len(errs) == 0 && (format == formatYAML || format == FormatKubernetes) {
		errs = explicitYAMLError(f.Path, data)
	}
	return rs, data, errs
}

// read returns a file's content, refusing files that are too large or
// binary, and special files found by walking.
func read(f discover.File, opts Options) ([]byte, error) {
	path := f.Path
	var r io.Reader
	if path == StdinName {
		if opts.Stdin == nil {
			return nil, &source.Error{Range: source.Range{File: path}, Msg: "no standard input"}
		}
		r = opts.Stdin
	} else {
		file, err := openFile(f)
		if err != nil {
			return nil, &source.Error{Range: source.Range{File: path}, Msg: err.Error()}
		}
		defer file.Close()
		r = file
	}
	data, err := io.ReadAll(io.LimitReader(r, opts.MaxFileSize+1))
	if err != nil {
		return nil, &source.Error{Range: source.Range{File: path}, Msg: fmt.Sprintf("read: %v", err)}
	}
	if int64(len(data)) > opts.MaxFileSize {
		return nil, &source.Error{Range: source.Range{File: path}, Msg: fmt.Sprintf("file is larger than %d bytes (--max-file-size); not scanned", opts.MaxFileSize)}
	}
	if enc := utf16BOM(data); enc != "" {
		return nil, &source.Error{Range: source.Range{File: path, Start: source.Pos{Line: 1, Col: 1}}, Msg: enc +
			" encoded file (it starts with a byte order mark); not scanned: save it as UTF-8"}
	}
	if isBinary(data) {
		return nil, &source.Error{Range: source.Range{File: path}, Msg: "binary file (it contains NUL bytes); not scanned"}
	}
	return data, nil
}

// utf16BOM names the encoding a UTF-16 byte order mark announces, or "".
// Windows PowerShell 5 writes redirected output (kubectl ... > x.yaml) so.
func utf16BOM(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return "UTF-16LE"
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return "UTF-16BE"
	}
	return ""
}

// openFile opens a file without blocking: opening a named pipe that no
// process writes to would otherwise wait forever. A pipe named on the
// command line is read (process substitution, <(helm template .), is one);
// any other file that is not a regular one is refused.
func openFile(f discover.File) (*os.File, error) {
	file, err := os.OpenFile(f.Path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, errors.New(openError(err))
	}
	info, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, errors.New(openError(err))
	}
	mode := info.Mode()
	if mode.IsRegular() || (f.Explicit && mode&os.ModeNamedPipe != 0) {
		return file, nil
	}
	file.Close()
	return nil, fmt.Errorf("not a regular file (%s); not scanned", fileKind(mode))
}

// fileKind names a special file's type for messages.
func fileKind(mode os.FileMode) string {
	switch {
	case mode.IsDir():
		return "a directory"
	case mode&os.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&os.ModeSocket != 0:
		return "a socket"
	case mode&os.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func openError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func isBinary(data []byte) bool {
	head := data
	if len(head) > 8000 {
		head = head[:8000]
	}
	return bytes.IndexByte(head, 0) >= 0
}

// toolError turns an adapter or read error into a report entry, keeping
// the position of *source.Error.
func toolError(file string, err error) result.ToolError {
	var se *source.Error
	if errors.As(err, &se) {
		r := se.Range
		if r.File == "" {
			r.File = file
		}
		return result.ToolError{Range: r, Message: se.Msg}
	}
	return result.ToolError{Range: source.Range{File: file}, Message: err.Error()}
}

// addError records a tool error both as an error and as an ERR001 finding,
// so that every output format shows it.
func addError(rep *result.Report, e result.ToolError) {
	rep.Errors = append(rep.Errors, e)
	r := e.Range
	if r.Start.Line == 0 {
		r.Start, r.End = source.Pos{Line: 1, Col: 1}, source.Pos{Line: 1, Col: 1}
	}
	rep.Findings = append(rep.Findings, result.Finding{
		RuleID:   "ERR001",
		Severity: result.High,
		Message:  e.Message,
		Range:    r,
	})
}

// finish sorts the report and fingerprints its findings.
func finish(rep *result.Report) {
	sort.Strings(rep.Files)
	sort.SliceStable(rep.Findings, func(i, j int) bool { return less(rep.Findings[i], rep.Findings[j]) })
	rep.Findings = dropRepeats(rep.Findings)
	sort.SliceStable(rep.Errors, func(i, j int) bool { return rangeLess(rep.Errors[i].Range, rep.Errors[j].Range) })
	for i := range rep.Findings {
		rep.Findings[i].Fingerprint = Fingerprint(rep.Findings[i])
	}
}

// dropRepeats keeps one of the findings that say the same thing at the
// same place: a Terraform module called from several places (examples/*
// calling "../..") yields the same finding once per call.
func dropRepeats(fs []result.Finding) []result.Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 {
			p := out[len(out)-1]
			if p.Range == f.Range && p.RuleID == f.RuleID && p.Message == f.Message {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

func less(a, b result.Finding) bool {
	if a.Range != b.Range {
		return rangeLess(a.Range, b.Range)
	}
	if a.RuleID != b.RuleID {
		return a.RuleID < b.RuleID
	}
	return a.Message < b.Message
}

func rangeLess(a, b source.Range) bool {
	switch {
	case a.File != b.File:
		return a.File < b.File
	case a.Start.Line != b.Start.Line:
		return a.Start.Line < b.Start.Line
	case a.Start.Col != b.Start.Col:
		return a.Start.Col < b.Start.Col
	case a.End.Line != b.End.Line:
		return a.End.Line < b.End.Line
	}
	return a.End.Col < b.End.Col
}

// Fingerprint identifies a finding by file, rule, resource and canonical
// path — never by line, so findings keep their identity when lines move,
// nor by message, so rewording a rule does not make its findings new.
func Fingerprint(f result.Finding) string {
	h := sha256.New()
	for _, s := range []string{filepath.ToSlash(f.Range.File), f.RuleID, f.Resource, f.Path.String()} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	if f.RuleID == "ERR001" {
		// Parse errors have no path; their line is all that tells them apart.
		fmt.Fprint(h, f.Range.Start.Line)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
