package scan

import (
	"github.com/shipcheck/shipcheck/analyzer/kubernetes"
)

// explicitYAMLError returns the syntax error of a YAML file the user named
// (or piped in) that yielded nothing: a walked YAML file that is neither a
// manifest nor parses is someone else's file, but one asked for by name
// must not pass as clean when it could not even be read. Template syntax
// is a note, as for manifests.
func explicitYAMLError(file string, data []byte) []error {
	if err := kubernetes.SyntaxError(file, data); err != nil {
		return []error{err}
	}
	return nil
}
