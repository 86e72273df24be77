package suppress

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/shipcheck/shipcheck/analyzer/discover"
	"github.com/shipcheck/shipcheck/analyzer/result"
)

// Ignore is an ignore entry of the configuration file: the findings of
// some rules (all when Rules is empty) in the files matching a glob,
// optionally only for resources whose name matches another glob. It is the
// way to suppress findings in JSON, which has no comments.
type Ignore struct {
	Directive
	// Path is a glob ("**" spans folders) relative to Base.
	Path string
	// Resource is a glob on the resource name, e.g. "aws_ecs_service.*"
	// or "Deployment/web"; empty matches every resource.
	Resource string
	// Base is the folder of the configuration file.
	Base string
}

// ApplyIgnores marks the findings covered by a configuration ignore entry.
// Tool errors and findings about suppressions themselves are never
// suppressed.
func ApplyIgnores(ignores []*Ignore, findings []result.Finding, now time.Time) {
	for i := range findings {
		f := &findings[i]
		if unsuppressible(f.RuleID) {
			continue
		}
		for _, ig := range ignores {
			if !ig.matches(*f) {
				continue
			}
			ig.used = true
			if ig.Problem == "" && !ig.Expired(now) && f.Suppression == nil {
				f.Suppression = &result.Suppression{Kind: External, Justification: ig.Justification()}
			}
		}
	}
}

// StaleIgnores reports the ignore entries that matched nothing or expired.
func StaleIgnores(ignores []*Ignore, now time.Time, known func(string) bool) []result.Finding {
	ds := make([]*Directive, len(ignores))
	for i, ig := range ignores {
		ds[i] = &ig.Directive
	}
	return Stale(ds, now, known)
}

func unsuppressible(rule string) bool {
	return rule == "ERR001" || rule == UnusedRule || rule == ExpiredRule
}

func (ig *Ignore) matches(f result.Finding) bool {
	if len(ig.Rules) > 0 && !ig.Covers(f.RuleID) {
		return false
	}
	if ig.Resource != "" && !nameMatch(ig.Resource, f.Resource) {
		return false
	}
	if ig.Path == "" {
		return true
	}
	return discover.Match(ig.Path, RelativeTo(ig.Base, f.Range.File))
}

// nameMatch matches a resource name against a glob where "*" spans any
// characters, "/" included: names such as "Deployment/web" or
// "module.app.aws_ecs_service.web" are not paths.
func nameMatch(pattern, name string) bool {
	var b strings.Builder
	b.WriteString("^")
	for _, r := range pattern {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	ok, _ := regexp.MatchString(b.String(), name)
	return ok
}

// RelativeTo expresses file relative to base, slash-separated, so that
// globs written in a configuration file match wherever the scan was started.
// A file outside base keeps its path as scanned.
func RelativeTo(base, file string) string {
	if base == "" || file == "" || file == "-" {
		return filepath.ToSlash(file)
	}
	absFile, err1 := filepath.Abs(file)
	absBase, err2 := filepath.Abs(base)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(file)
	}
	rel, err := filepath.Rel(absBase, absFile)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(os.PathSeparator)) {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}
