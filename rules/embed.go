// Package rules embeds the built-in Rego rules: one rule per file under a
// folder per target (ecs, kubernetes, dockerfile, ...), shared helpers under
// lib/, and Rego unit tests beside each rule.
package rules

import "embed"

// FS holds every built-in .rego file, tests included; the engine skips
// files ending in _test.rego.
//
//go:embed */*.rego
var FS embed.FS
