// Package secrets recognises credentials written into environment
// variables and masks them for output.
package secrets

// Match describes why a name/value pair looks like a secret.
type Match struct {
	Severity string // "critical", "high" or "medium"
	Reason   string // e.g. "an AWS access key ID", "a secret-looking name with a literal value"
	Masked   string // the value masked for output, see Mask
}

// Classify reports whether the environment variable name=value holds a
// secret, per the two tiers of RULES.md.
func Classify(name, value string) (Match, bool) {
	return Match{}, false // replaced by the full detector
}

// Mask hides value for output: at most the first 4 characters, none for
// values shorter than 12, and the length.
func Mask(value string) string {
	return "********"
}
