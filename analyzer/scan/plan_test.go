package scan

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/discover"
)

// TestPlanKeepsNamedTerraformFiles checks what pre-commit relies on: .tf
// files named on the command line form one unit per folder holding only
// those files (the adapter reads the rest of the module itself), and
// configuration excludes apply to named files too.
func TestPlanKeepsNamedTerraformFiles(t *testing.T) {
	files := []discover.File{
		{Path: filepath.Join("infra", "main.tf"), Explicit: true},
		{Path: filepath.Join("app", "Dockerfile"), Explicit: true},
		{Path: filepath.Join("infra", "ecs.tf"), Explicit: true},
		{Path: filepath.Join("other", "main.tf"), Explicit: true},
		{Path: filepath.Join("legacy", "old.tf"), Explicit: true},
	}
	units := plan(files, Options{Excluded: func(p string) bool { return filepath.Dir(p) == "legacy" }})
	var got [][]string
	for _, u := range units {
		var names []string
		for _, f := range u.files {
			names = append(names, filepath.ToSlash(f.Path))
		}
		got = append(got, names)
	}
	want := [][]string{{"infra/main.tf", "infra/ecs.tf"}, {"app/Dockerfile"}, {"other/main.tf"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("units %v, want %v", got, want)
	}
}
