// Package baseline records the findings a project has accepted, so that a
// scan reports only what is new. Findings are matched by fingerprint —
// file, rule, resource and canonical path, never the line — so edits
// elsewhere in a file do not resurface them.
package baseline

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/scan"
	"github.com/shipcheck/shipcheck/analyzer/suppress"
)

// Version is the format version written; Read refuses others.
const Version = 1

// Baseline states of a finding, as SARIF names them.
const (
	New       = "new"
	Unchanged = "unchanged"
)

// File is the baseline file's JSON shape.
type File struct {
	Version int    `json:"version"`
	Tool    string `json:"tool"`
	// Findings are sorted by file, rule and fingerprint; file paths are
	// relative to the baseline file's folder and slash-separated.
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding. Only Fingerprint is used for matching;
// the rest makes the file reviewable.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Resource    string `json:"resource,omitempty"`
	Path        string `json:"path,omitempty"`
	Message     string `json:"message"`
}

// Write records every reported finding of rep (not suppressed, not a tool
// error) in a baseline file at path.
func Write(path string, rep *result.Report) error {
	dir := filepath.Dir(path)
	b := File{Version: Version, Tool: "shipcheck", Findings: []Entry{}}
	for _, f := range rep.Findings {
		if f.Suppression != nil || f.RuleID == "ERR001" {
			continue
		}
		file := suppress.RelativeTo(dir, f.Range.File)
		b.Findings = append(b.Findings, Entry{
			Fingerprint: fingerprint(dir, f), Rule: f.RuleID, File: file,
			Resource: f.Resource, Path: f.Path.String(), Message: f.Message,
		})
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

// Baseline is a read baseline, ready to be applied.
type Baseline struct {
	dir    string
	counts map[string]int
}

// Read loads a baseline file.
func Read(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("baseline %s: not a shipcheck baseline: %w", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline %s: format version %d is not supported (want %d); write it again with --write-baseline", path, f.Version, Version)
	}
	b := &Baseline{dir: filepath.Dir(path), counts: map[string]int{}}
	for _, e := range f.Findings {
		b.counts[e.Fingerprint]++
	}
	return b, nil
}

// Apply marks each reported finding of rep as unchanged when the baseline
// holds it, else as new. Identical fingerprints are counted, so a second
// copy of an accepted finding is new.
func (b *Baseline) Apply(rep *result.Report) {
	left := make(map[string]int, len(b.counts))
	for k, v := range b.counts {
		left[k] = v
	}
	for i := range rep.Findings {
		f := &rep.Findings[i]
		if f.Suppression != nil {
			continue
		}
		fp := fingerprint(b.dir, *f)
		if f.RuleID != "ERR001" && left[fp] > 0 {
			left[fp]--
			f.Baseline = Unchanged
			continue
		}
		f.Baseline = New
	}
}

// fingerprint identifies a finding independently of where the scan was
// started: its file is taken relative to the baseline's folder.
func fingerprint(dir string, f result.Finding) string {
	f.Range.File = suppress.RelativeTo(dir, f.Range.File)
	return scan.Fingerprint(f)
}
