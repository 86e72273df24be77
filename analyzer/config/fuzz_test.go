package config

import (
	"errors"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// FuzzParse checks that no configuration text panics and that every
// rejection is a positioned *source.Error.
func FuzzParse(f *testing.F) {
	f.Add(full)
	f.Add("rules: {ECS001: {enabled: false}}\nignore: [{path: a, until: 2026-01-01}]\n")
	f.Add("a: &x [1]\nrules: *x\n")
	f.Add("ignore:\n  - rules: ~\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, err := Parse("cfg.yaml", []byte(s))
		var se *source.Error
		if err != nil && !errors.As(err, &se) {
			t.Fatalf("error without a position: %v", err)
		}
	})
}
