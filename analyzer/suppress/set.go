package suppress

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// Annotation is the Kubernetes annotation that suppresses rules for one
// object: shipcheck.dev/ignore: "K8S001,K8S002 reason".
const Annotation = "shipcheck.dev/ignore"

// ReadFunc returns a file's text.
type ReadFunc func(file string) ([]byte, error)

// Options configure a Set.
type Options struct {
	// Now decides which directives have expired.
	Now time.Time
	// Known reports whether a rule ID exists, to say so when a directive
	// names a rule that does not.
	Known func(id string) bool
}

// Set holds the inline suppressions of the files of a scan and remembers
// which of them were used. It is safe for concurrent use, so that one Set
// serves every worker and a comment is judged unused only when no part of
// the scan used it.
type Set struct {
	opts        Options
	mu          sync.Mutex
	files       map[string][]*Directive
	annotations []*Directive
}

// NewSet returns an empty set.
func NewSet(opts Options) *Set {
	return &Set{opts: opts, files: map[string][]*Directive{}}
}

// directives returns the ignore comments of file, reading it on first use.
// JSON has no comments, so JSON files never hold any. The caller holds mu.
func (s *Set) directives(file string, read ReadFunc) []*Directive {
	if file == "" {
		return nil
	}
	if ds, ok := s.files[file]; ok {
		return ds
	}
	var ds []*Directive
	if !strings.HasSuffix(strings.ToLower(file), ".json") && read != nil {
		if text, err := read(file); err == nil && !isJSON(text) {
			ds = Parse(file, text)
		}
	}
	s.files[file] = ds
	return ds
}

func isJSON(text []byte) bool {
	t := bytes.TrimLeft(text, " \t\r\n\xef\xbb\xbf")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// Apply marks the findings of r that an inline suppression covers. A
// comment covers a finding when the line it targets is where the finding
// starts, or where any element enclosing the finding starts: the element
// at each prefix of the finding's canonical path (the resource itself, a
// Dockerfile stage, a container, a nested block).
//
// read returns the text of the files the resource and its findings are in.
func (s *Set) Apply(r *resource.Resource, findings []result.Finding, read ReadFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.directives(r.File, read)
	ann := s.annotation(r)
	for i := range findings {
		f := &findings[i]
		for _, d := range s.candidates(r, *f, ann, read) {
			s.use(d, f)
		}
	}
}

// candidates lists the directives that name the finding's rule and are
// placed to cover it.
func (s *Set) candidates(r *resource.Resource, f result.Finding, ann *Directive, read ReadFunc) []*Directive {
	var out []*Directive
	add := func(d *Directive) {
		if d.Covers(f.RuleID) && !contains(out, d) {
			out = append(out, d)
		}
	}
	if ann != nil {
		add(ann)
	}
	for _, file := range []string{f.Range.File, r.File} {
		for _, d := range s.directives(file, read) {
			if d.FileWide {
				add(d)
			}
		}
	}
	for _, at := range elementStarts(r, f) {
		for _, d := range s.directives(at.File, read) {
			if !d.FileWide && d.Target == at.Line {
				add(d)
			}
		}
	}
	return out
}

// line is a line of a file.
type line struct {
	File string
	Line int
}

// elementStarts are the first lines of the finding and of every element
// that encloses it.
func elementStarts(r *resource.Resource, f result.Finding) []line {
	out := []line{{f.Range.File, f.Range.Start.Line}}
	for n := len(f.Path); n >= 0; n-- {
		rg, ok := r.Index.Locate(f.Path[:n])
		if !ok {
			continue
		}
		if rg.File == "" {
			rg.File = r.File
		}
		l := line{rg.File, rg.Start.Line}
		if out[len(out)-1] != l {
			out = append(out, l)
		}
	}
	return out
}

func contains(ds []*Directive, d *Directive) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// use applies d to f unless d is malformed or expired; either way d counts
// as having matched, so it is not also reported as unused.
func (s *Set) use(d *Directive, f *result.Finding) {
	d.used = true
	if d.Problem != "" || d.Expired(s.opts.Now) || f.Suppression != nil {
		return
	}
	f.Suppression = &result.Suppression{Kind: d.Kind, Justification: d.Justification()}
}

// annotation reads shipcheck.dev/ignore from a Kubernetes object.
func (s *Set) annotation(r *resource.Resource) *Directive {
	if r.Kind != resource.Kubernetes {
		return nil
	}
	spec, _ := r.Spec.(map[string]any)
	meta, _ := spec["metadata"].(map[string]any)
	anns, _ := meta["annotations"].(map[string]any)
	v, ok := anns[Annotation].(string)
	if !ok {
		return nil
	}
	at := r.Locate(source.Path{"metadata", "annotations", Annotation})
	if at.File == "" {
		at.File = r.File
	}
	d := ParseList(at, v)
	d.Rules = upper(d.Rules)
	s.annotations = append(s.annotations, d)
	return d
}

func upper(ids []string) []string {
	for i, id := range ids {
		ids[i] = strings.ToUpper(id)
	}
	return ids
}

// Findings reports the directives read so far that matched nothing
// (SUP001), are malformed (SUP001) or have expired (SUP002).
func (s *Set) Findings() []result.Finding {
	s.mu.Lock()
	defer s.mu.Unlock()
	var all []*Directive
	files := make([]string, 0, len(s.files))
	for f := range s.files {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		all = append(all, s.files[f]...)
	}
	all = append(all, s.annotations...)
	return Stale(all, s.opts.Now, s.opts.Known)
}

// Stale turns unused, malformed and expired directives into findings.
func Stale(ds []*Directive, now time.Time, known func(string) bool) []result.Finding {
	var out []result.Finding
	for _, d := range ds {
		rule, msg := UnusedRule, ""
		switch {
		case d.Problem != "":
			msg = fmt.Sprintf("%s %s; it suppresses nothing", d.label(), d.Problem)
		case d.Expired(now):
			rule = ExpiredRule
			msg = fmt.Sprintf("%s %s expired on %s; the findings it covered are reported again: fix them, or extend the date", d.label(), strings.Join(d.Rules, ","), d.Until.Format(time.DateOnly))
		case !d.used:
			msg = fmt.Sprintf("%s %s matches no finding; remove it%s", d.label(), strings.Join(d.Rules, ","), unknownNote(d.Rules, known))
		default:
			continue
		}
		out = append(out, result.Finding{RuleID: rule, Severity: result.Info, Message: msg, Range: d.At})
	}
	return out
}

func unknownNote(ids []string, known func(string) bool) string {
	if known == nil {
		return ""
	}
	var bad []string
	for _, id := range ids {
		if !known(id) {
			bad = append(bad, id)
		}
	}
	if len(bad) == 0 {
		return ""
	}
	return fmt.Sprintf(" (%s is not a rule; 'shipcheck rules' lists them)", strings.Join(bad, ", "))
}
