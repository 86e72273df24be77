package kubernetes

import "github.com/shipcheck/shipcheck/analyzer/yamlnode"

// SyntaxError returns why data does not parse as YAML, or nil: a
// *TemplateError when template syntax is the reason, else the syntax
// error at its line. Load stays silent on YAML that does not look like a
// manifest; this is for files the user asked for by name.
func SyntaxError(file string, data []byte) error {
	_, err := yamlnode.Parse(file, data, yamlnode.Options{YAML11Booleans: true})
	if err == nil {
		return nil
	}
	if te := templateError(file, err, data); te != nil {
		return te
	}
	return err
}
