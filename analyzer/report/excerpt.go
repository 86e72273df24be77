package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/secrets"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// Code excerpts in the text format show the first line of a finding's range
// with the span underlined. Source lines may hold credentials, and an
// excerpt must never print one in full, so before a line is shown every span
// reported by a secret rule anywhere in that file — including suppressed
// findings, and including other findings' lines — is overwritten with '*'.
// The same line may be shown for an unrelated finding (minified JSON puts a
// whole task definition on line 1), which is why masking works on the file,
// not on the finding being shown. Masking keeps the excerpt useful (the
// reader still sees which key holds the secret) where leaving the excerpt
// out would hide the context of every finding on such a line. A shown line
// is also scrubbed of credential-shaped text (see scrub) for secrets no rule
// reported.

// secretRules report credentials at the span of the offending value.
var secretRules = map[string]bool{"ECS002": true, "K8S003": true, "DKR002": true}

// secretTags mark custom or future rules whose spans hold secrets.
var secretTags = []string{"secret", "secrets"}

func isSecretRule(id string, rules map[string]*result.Rule) bool {
	if secretRules[id] {
		return true
	}
	if r := rules[id]; r != nil {
		for _, t := range r.Tags {
			if slices.Contains(secretTags, strings.ToLower(t)) {
				return true
			}
		}
	}
	return false
}

// secretSpan is where a secret finding points, with the message that names
// the variable.
type secretSpan struct {
	source.Range
	Message string
}

// maxExcerptFile bounds how much of a file is read for excerpts.
const maxExcerptFile = 8 << 20

// maxExcerptWidth bounds a shown line, in characters; longer lines (often
// minified JSON) are cut to a window around the span.
const maxExcerptWidth = 120

// sourceFile is a file's lines with every secret span masked.
type sourceFile struct {
	dockerfile bool // ENV/ARG spans read KEY=value
	lines      [][]rune
	scrubbed   map[int]bool // lines already passed through scrub
}

// loadSource reads file for excerpts, or returns nil when it cannot be
// shown: standard input, unreadable, too large or binary.
func loadSource(file string, secrets []secretSpan) *sourceFile {
	if file == "" || isStdin(file) {
		return nil
	}
	info, err := os.Stat(file)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxExcerptFile {
		return nil
	}
	data, err := os.ReadFile(file)
	if err != nil || bytes.IndexByte(data, 0) >= 0 {
		return nil
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	sf := &sourceFile{dockerfile: isDockerfileName(filepath.Base(file))}
	for l := range strings.SplitSeq(text, "\n") {
		sf.lines = append(sf.lines, []rune(l))
	}
	for _, sp := range secrets {
		sf.mask(sp)
	}
	return sf
}

// mask overwrites the characters of r with '*' on every line it covers.
// A span without a usable end is masked to the end of its line, one
// without a column masks the whole line: when in doubt, hide more.
func (sf *sourceFile) mask(secret secretSpan) {
	r := secret.Range
	if r.Start.Line < 1 || r.Start.Line > len(sf.lines) {
		return
	}
	endLine := r.End.Line
	if endLine < r.Start.Line || endLine > len(sf.lines) {
		endLine = r.Start.Line
	}
	for ln := r.Start.Line; ln <= endLine; ln++ {
		line := sf.lines[ln-1]
		from, to := 0, len(line)
		if ln == r.End.Line && r.End.Col >= 1 && (ln > r.Start.Line || r.Start.Col >= 1 && r.End.Col > r.Start.Col) {
			to = min(r.End.Col-1, len(line))
		}
		if ln == r.Start.Line && r.Start.Col >= 1 {
			from = min(r.Start.Col-1, len(line))
			if at, ok := sf.valueAfterKey(line, from, to); ok {
				maskRunes(line, at, flowEnd(line, at))
				continue
			}
			from += keyPrefix(line[from:max(from, to)], sf.dockerfile, secret.Message)
		}
		maskRunes(line, from, to)
	}
}

// afterKey is the colon and blanks that follow a mapping key.
var afterKey = regexp.MustCompile(`^\s*:\s*`)

// valueAfterKey reports where the value starts when the span [from, to) is
// a mapping key alone: K8S017 points at a Secret's data: or stringData:
// key, whose values are what must be hidden. Written on the key's line
// (flow style, or minified JSON from kubectl get -o json) they would
// otherwise print beside a starred key; on later lines they are not shown.
// A value span is never followed by a colon, so values are still masked.
func (sf *sourceFile) valueAfterKey(line []rune, from, to int) (int, bool) {
	if sf.dockerfile || to <= from || to > len(line) {
		return 0, false
	}
	m := afterKey.FindString(string(line[to:]))
	if m == "" {
		return 0, false
	}
	return to + utf8.RuneCountInString(m), true
}

// A span may cover the entry that holds a secret rather than the value
// alone ("value": "…" in JSON, value: … in YAML, value = "…" in HCL,
// KEY=… in a Dockerfile ENV). keyPatterns recognise such a key at the start
// of a span so that only the value is masked. Each needs punctuation a
// value cannot start with unquoted, so a value is never mistaken for a key.
var (
	keyPatterns = []*regexp.Regexp{
		regexp.MustCompile(`^(?:"(?:[^"\\]|\\.)*"|'[^']*')\s*:\s*`),
		regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*:(?:\s+|$)`),
		regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*\s*=\s*["']`),
	}
	// In a Dockerfile a value may itself contain '=' (base64 padding), so
	// NAME= counts as a key only when the finding's message names NAME. The
	// legacy form ENV NAME value separates them with white space.
	dockerKeyPattern = regexp.MustCompile(`^(?i:(?:ENV|ARG)\s+)?([A-Za-z_][A-Za-z0-9_]*)(?:=|\s+)`)
)

// keyPrefix is the length in characters of the key that starts seg, 0
// when there is none. A quote opening the value stays with the value.
func keyPrefix(seg []rune, dockerfile bool, message string) int {
	s := string(seg)
	if dockerfile {
		if m := dockerKeyPattern.FindStringSubmatch(s); m != nil && strings.Contains(message, m[1]) {
			return utf8.RuneCountInString(m[0])
		}
		return 0
	}
	for _, re := range keyPatterns {
		if m := re.FindString(s); m != "" {
			return utf8.RuneCountInString(strings.TrimRight(m, `"'`))
		}
	}
	return 0
}

// flowEnd is where the value starting at from ends on its line: after the
// bracket that closes a flow mapping or sequence ({"k": "v"} in minified
// JSON, so the excerpts of later findings on the line stay readable), else
// the end of the line. Brackets inside quoted strings do not count.
func flowEnd(line []rune, from int) int {
	if from >= len(line) || line[from] != '{' && line[from] != '[' {
		return len(line)
	}
	depth := 0
	var quote rune
	for i := from; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(line)
}

// isDockerfileName matches the names the Dockerfile adapter reads.
func isDockerfileName(name string) bool {
	lower := strings.ToLower(name)
	return lower == "dockerfile" || lower == "containerfile" || strings.HasPrefix(lower, "dockerfile.") ||
		strings.HasSuffix(lower, ".dockerfile") || strings.HasPrefix(lower, "containerfile.")
}

// maskRunes stars line[from:to], keeping a pair of enclosing quotes so the
// excerpt still reads as the source did.
func maskRunes(line []rune, from, to int) {
	if from >= to || from >= len(line) {
		return
	}
	if to-from >= 2 && isQuote(line[from]) && line[to-1] == line[from] {
		from, to = from+1, to-1
	}
	for i := from; i < to; i++ {
		line[i] = '*'
	}
}

func isQuote(r rune) bool { return r == '"' || r == '\'' || r == '`' }

// excerpt is one displayed source line and the underline beneath it.
type excerpt struct {
	line      int
	text      string // sanitised, tabs expanded, possibly cut
	underline string // spaces then carets, aligned with text
}

// excerptOf renders the first line of r, or false when it cannot.
func (sf *sourceFile) excerptOf(r source.Range) (excerpt, bool) {
	if sf == nil || r.Start.Line < 1 || r.Start.Line > len(sf.lines) {
		return excerpt{}, false
	}
	line := sf.lines[r.Start.Line-1]
	if !sf.scrubbed[r.Start.Line] {
		scrub(line)
		sf.scrubEnvValue(r.Start.Line)
		if sf.scrubbed == nil {
			sf.scrubbed = map[int]bool{}
		}
		sf.scrubbed[r.Start.Line] = true
	}
	from, to := spanOnLine(line, r)
	start, end := window(len(line), from, to)
	var text, under strings.Builder
	if start > 0 {
		text.WriteString("…")
		under.WriteString(" ")
	}
	for i := start; i < end; i++ {
		shown := displayRune(line[i])
		text.WriteString(shown)
		mark := " "
		if i >= from && i < to {
			mark = "^"
		}
		under.WriteString(strings.Repeat(mark, len([]rune(shown))))
	}
	if end < len(line) {
		text.WriteString("…")
	}
	if strings.TrimSpace(text.String()) == "" {
		return excerpt{}, false
	}
	return excerpt{line: r.Start.Line, text: text.String(), underline: strings.TrimRight(under.String(), " ")}, true
}

// spanOnLine is the part of line r underlines: its columns on a one-line
// range, to the end of the line on a longer one, the text without its
// indentation when the range has no column; never empty on a non-empty
// line.
func spanOnLine(line []rune, r source.Range) (from, to int) {
	if r.Start.Col < 1 {
		from = len(line) - len(strings.TrimLeft(string(line), " \t")) // runes: indentation is ASCII
		return min(from, len(line)), len(line)
	}
	from = min(r.Start.Col-1, len(line))
	to = len(line)
	if r.End.Line == r.Start.Line && r.End.Col > r.Start.Col {
		to = min(r.End.Col-1, len(line))
	}
	if to <= from {
		to = min(from+1, len(line))
	}
	if from == len(line) && from > 0 { // a span just past the end of the line
		from, to = len(line)-1, len(line)
	}
	return from, to
}

// window picks at most maxExcerptWidth characters of a line, keeping the
// start of the span in view.
func window(n, from, to int) (start, end int) {
	if n <= maxExcerptWidth {
		return 0, n
	}
	start = max(0, from-maxExcerptWidth/3)
	end = min(n, start+maxExcerptWidth)
	start = max(0, end-maxExcerptWidth)
	return start, end
}

// displayRune renders a source character for a terminal: tabs as four
// spaces, control characters (a file could carry terminal escapes) as
// the replacement character.
func displayRune(r rune) string {
	switch {
	case r == '\t':
		return "    "
	case isControl(r):
		return "\uFFFD"
	}
	return string(r)
}

// Lines no secret rule looked at — a file that failed to parse (its ERR001
// excerpt), a rule disabled by configuration — may still hold credentials.
// As a second line of defence, excerpts also star anything shaped like a
// credential or assigned to a secret-looking name. Over-masking only costs
// a few characters of context.
var credentialShapes = []*regexp.Regexp{
	regexp.MustCompile(`-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----.*`),
	regexp.MustCompile(`(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}`),
	regexp.MustCompile(`(?:gh[pousr]_|github_pat_|glpat-|xox[abposr]-|[sr]k_live_|npm_)[A-Za-z0-9_-]{10,}`),
	regexp.MustCompile(`AIza[0-9A-Za-z_-]{35}`),
	regexp.MustCompile(`SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}`),
	regexp.MustCompile(`eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`),
}

// secretAssignments capture (group 1) the value given to a secret-looking
// name: NAME=value, name: value, "name": "value", and the name/value pair
// of an environment entry written on one line.
var secretAssignments = []*regexp.Regexp{
	regexp.MustCompile(`://[^/\s:@"']+:([^@\s/"']+)@`),
	regexp.MustCompile(`(?i)[a-z0-9_.-]*(?:password|passwd|pwd|secret|token|api_?key|access_?key|private_?key|credentials?)[a-z0-9_.-]*["']?\s*[:=]\s*["']?([^"'\s,;{}\[\]]{4,})`),
	regexp.MustCompile(`(?i)"?name"?\s*[:=]\s*"?[^",}]*(?:password|passwd|pwd|secret|token|key|credential)[^",}]*"?\s*,\s*"?value"?\s*[:=]\s*"?([^",}]+)`),
	// A value written as a list or object (a schema error, which no secret
	// rule reads): everything up to its closing bracket.
	regexp.MustCompile(`(?i)"?name"?\s*[:=]\s*"?[^",}]*(?:password|passwd|pwd|secret|token|key|credential)[^",}]*"?\s*,\s*"?value"?\s*[:=]\s*([\[{][^\]}]*)`),
}

// yamlValue and yamlName match the two lines of a YAML env entry written
// as a block mapping ("- name: DB_PASSWORD" and "value: ..."), which scrub,
// reading one line at a time, cannot connect.
var (
	yamlValue = regexp.MustCompile(`^\s*(?:-\s+)?value\s*:\s*(\S.*)$`)
	yamlName  = regexp.MustCompile(`^\s*(?:-\s+)?name\s*:\s*["']?([^"'\s#]+)`)
)

// scrubEnvValue stars the value on line ln (1-based) when it is the value
// of an env entry whose name, on the line before or after, looks like a
// secret's: a file no secret rule read (a YAML syntax error, often in the
// very line of a password with a stray quote) must not print it either.
func (sf *sourceFile) scrubEnvValue(ln int) {
	line := sf.lines[ln-1]
	if sf.dockerfile {
		scrubDockerValue(line)
		return
	}
	m := yamlValue.FindStringSubmatchIndex(string(line))
	if m == nil {
		return
	}
	for _, other := range []int{ln - 1, ln + 1} {
		if other < 1 || other > len(sf.lines) {
			continue
		}
		n := yamlName.FindStringSubmatch(string(sf.lines[other-1]))
		if n != nil && secrets.IsSecretName(n[1]) {
			from := utf8.RuneCountInString(string(line)[:m[2]])
			maskRunes(line, from, len(line))
			return
		}
	}
}

// dockerAssignment is an ENV or ARG line that starts with NAME=value or
// the legacy NAME value.
var dockerAssignment = regexp.MustCompile(`^\s*(?i:ENV|ARG)\s+([A-Za-z_][A-Za-z0-9_]*)(?:=|\s+)(.+)$`)

// scrubDockerValue stars the rest of an ENV or ARG line after a
// secret-looking name: a line BuildKit could not parse (an unquoted space
// in a password) was read by no secret rule, and scrub stops at the space.
func scrubDockerValue(line []rune) {
	m := dockerAssignment.FindStringSubmatchIndex(string(line))
	if m == nil || !secrets.IsSecretName(string(line)[m[2]:m[3]]) {
		return
	}
	maskRunes(line, utf8.RuneCountInString(string(line)[:m[4]]), len(line))
}

// scrub stars credential-shaped text in line, in place.
func scrub(line []rune) {
	s := string(line)
	var spans [][2]int // byte offsets
	for _, re := range credentialShapes {
		for _, m := range re.FindAllStringIndex(s, -1) {
			spans = append(spans, [2]int{m[0], m[1]})
		}
	}
	for _, re := range secretAssignments {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if m[2] >= 0 {
				spans = append(spans, [2]int{m[2], m[3]})
			}
		}
	}
	for _, sp := range spans {
		from := utf8.RuneCountInString(s[:sp[0]])
		to := from + utf8.RuneCountInString(s[sp[0]:sp[1]])
		for i := from; i < to && i < len(line); i++ {
			line[i] = '*'
		}
	}
}
