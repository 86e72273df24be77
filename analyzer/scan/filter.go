package scan

import (
	"github.com/shipcheck/shipcheck/analyzer/config"
	"github.com/shipcheck/shipcheck/analyzer/discover"
	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/suppress"
)

// ruleTable is the rules as configured: which are on and how severe.
type ruleTable struct {
	list []result.Rule // every loaded rule, with the configuration applied
	byID map[string]result.Rule
	// severities marks the rules whose severity the configuration sets.
	severities map[string]bool
}

func newRuleTable(eng *engine.Engine, overrides map[string]config.Rule) *ruleTable {
	t := &ruleTable{list: eng.Rules(), byID: map[string]result.Rule{}, severities: map[string]bool{}}
	for i := range t.list {
		r := &t.list[i]
		if o, ok := overrides[r.ID]; ok {
			if o.Enabled != nil {
				r.Enabled = *o.Enabled
			}
			if o.Severity != 0 {
				r.Severity = o.Severity
				t.severities[r.ID] = true
			}
		}
		t.byID[r.ID] = *r
	}
	return t
}

// apply drops the findings of rules that are off and sets configured
// severities. Findings of rules it does not know (tool errors) pass.
func (t *ruleTable) apply(fs []result.Finding) []result.Finding {
	out := fs[:0]
	for _, f := range fs {
		r, ok := t.byID[f.RuleID]
		if ok && !r.Enabled {
			continue
		}
		if t.severities[f.RuleID] {
			f.Severity = r.Severity
		}
		out = append(out, f)
	}
	return out
}

func (t *ruleTable) known(id string) bool {
	_, ok := t.byID[id]
	return ok
}

// unitReader reads the files a unit's suppressions are in: the unit's own
// text (standard input included) is reused, other files are read from disk.
func unitReader(u unit, data []byte, opts Options) suppress.ReadFunc {
	return func(file string) ([]byte, error) {
		if data != nil && file == u.files[0].Path {
			return data, nil
		}
		if file == StdinName {
			return nil, nil
		}
		return read(discover.File{Path: file}, opts)
	}
}

// applyIgnores reports the ignore comments that matched nothing or
// expired, applies the configuration's ignore entries to every finding and
// reports the entries that matched nothing or expired.
func applyIgnores(rep *result.Report, opts Options) {
	if opts.inline != nil {
		rep.Findings = append(rep.Findings, opts.rules.apply(opts.inline.Findings())...)
	}
	if len(opts.Ignores) > 0 {
		suppress.ApplyIgnores(opts.Ignores, rep.Findings, opts.Now)
		rep.Findings = append(rep.Findings, opts.rules.apply(suppress.StaleIgnores(opts.Ignores, opts.Now, opts.rules.known))...)
	}
	rep.Suppressed = 0
	for _, f := range rep.Findings {
		if f.Suppression != nil {
			rep.Suppressed++
		}
	}
}
