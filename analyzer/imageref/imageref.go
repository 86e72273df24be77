// Package imageref parses container image references as rules need them:
// registry, repository, tag and digest, and whether the reference can drift.
package imageref

// Ref is a parsed image reference.
type Ref struct {
	Registry   string
	Repository string
	Tag        string
	Digest     string
	// Unknown is set when the tag position holds an unresolved template
	// (${...}, {{ ... }}, $(...), $VAR): nothing can be said about the tag.
	Unknown bool
}

// Parse parses s. It never fails: what cannot be parsed is returned as
// Unknown.
func Parse(s string) Ref {
	return Ref{Repository: s, Unknown: true} // replaced by the full parser
}

// Mutable reports whether the reference can point at different images over
// time (tag latest, or no tag and no digest) and says why.
func (r Ref) Mutable() (bool, string) {
	return false, ""
}
