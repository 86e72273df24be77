// Package secrets recognises credentials written into environment
// variables and masks them for output.
//
// Detection has two tiers (RULES.md, "Secrets in environment"):
//
//  1. a value shaped like a known credential (AWS key, PEM private key,
//     GitHub token, ...) is a secret whatever its name;
//  2. a literal value under a secret-looking name (DB_PASSWORD, apiKey) is
//     probably one, unless the name describes the secret rather than holding
//     it (DB_PASSWORD_FILE, TOKEN_TTL) or the value is a reference, a
//     boolean, a number or a path.
package secrets

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match describes why a name/value pair looks like a secret.
type Match struct {
	Severity string // "critical", "high" or "medium"
	Reason   string // e.g. "an AWS access key ID", "a secret-looking name with a literal value"
	Masked   string // the value masked for output, see Mask
}

// Severities of a Match.
const (
	Critical = "critical"
	High     = "high"
	Medium   = "medium"
)

// Classify reports whether the environment variable name=value holds a
// secret, per the two tiers of RULES.md.
func Classify(name, value string) (Match, bool) {
	if sev, reason, ok := credential(name, value); ok {
		return Match{Severity: sev, Reason: reason, Masked: Mask(value)}, true
	}
	if secretName(name) && literal(value) {
		return Match{Severity: Medium, Reason: "a secret-looking name with a literal value", Masked: Mask(value)}, true
	}
	return Match{}, false
}

// maxStars bounds the mask of long values (PEM keys, JWTs): the length in
// parentheses already says how long the value is.
const maxStars = 64

// Mask hides value for output: at most the first 4 characters, none for
// values shorter than 12, and the length.
func Mask(value string) string {
	n := utf8.RuneCountInString(value)
	shown := ""
	if n >= 12 {
		for _, r := range []rune(value)[:4] {
			if unicode.IsPrint(r) && !unicode.IsSpace(r) {
				shown += string(r)
			} else {
				shown += "*"
			}
		}
	}
	stars := n - utf8.RuneCountInString(shown)
	stars = min(stars, maxStars)
	return shown + strings.Repeat("*", stars) + " (" + strconv.Itoa(n) + " chars)"
}
