// Package source holds what every input format shares about where things
// are written: positions and ranges, a position-aware tree for JSON and YAML
// documents, and an index from canonical paths to source ranges.
//
// Adapters build a resource's spec and its Index together, so that a rule
// only has to name the canonical path of what it found (see Path) and the
// locator can answer with a file, line and column.
package source
