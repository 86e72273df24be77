package scan

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/dockerfile"
)

// Input format names, as accepted by --type.
const (
	FormatECS        = "ecs"
	FormatKubernetes = "kubernetes"
	FormatTerraform  = "terraform"
	FormatPlan       = "terraform-plan"
	FormatDockerfile = "dockerfile"
	// formatJSON and formatYAML are decided by content.
	formatJSON = "json"
	formatYAML = "yaml"
)

// Types lists the values --type accepts.
var Types = []string{FormatECS, FormatKubernetes, FormatTerraform, FormatPlan, FormatDockerfile}

// byName maps file names to formats, first match wins.
var byName = []struct {
	match  func(base string) bool
	format string
}{
	{dockerfile.IsDockerfileName, FormatDockerfile},
	{suffix(".tf", ".tf.json"), FormatTerraform},
	{suffix(".yaml", ".yml"), formatYAML},
	{suffix(".json"), formatJSON},
}

func suffix(exts ...string) func(string) bool {
	return func(base string) bool {
		lower := strings.ToLower(base)
		for _, e := range exts {
			if strings.HasSuffix(lower, e) {
				return true
			}
		}
		return false
	}
}

// formatOf returns the format a file's name selects, or "".
func formatOf(path string) string {
	base := filepath.Base(path)
	for _, b := range byName {
		if b.match(base) {
			return b.format
		}
	}
	return ""
}

// sniff guesses the format of unnamed input (stdin) from its content.
func sniff(data []byte) string {
	trimmed := bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return formatJSON
	}
	for _, line := range bytes.Split(trimmed, []byte("\n")) {
		l := strings.ToUpper(strings.TrimSpace(string(line)))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "FROM ") || strings.HasPrefix(l, "ARG ") {
			return FormatDockerfile
		}
		break
	}
	if bytes.Contains(data, []byte("resource \"")) || bytes.Contains(data, []byte("module \"")) {
		return FormatTerraform
	}
	return formatYAML
}

// typeFormat maps a --type value to the loader used for it, given the
// format the file's name selects: ECS input is JSON, or YAML in a file
// named .yaml or .yml (aws ecs ... --cli-input-yaml).
func typeFormat(t, byName string) string {
	switch {
	case t == FormatECS && byName == formatYAML:
		return formatYAML
	case t == FormatECS, t == FormatPlan:
		return formatJSON
	}
	return t
}
