package secrets

import (
	"net/url"
	"regexp"
	"strings"
)

// pattern is a credential format recognised by its value alone (tier 1).
type pattern struct {
	re       *regexp.Regexp
	severity string
	reason   string
}

// patterns are the credential formats of tier 1: RULES.md's list, plus a
// few formats as unambiguous (Slack webhooks, OpenAI and Anthropic keys).
// Boundaries keep them from matching inside longer identifiers; lengths
// follow the issuers' formats loosely enough to catch older and newer
// tokens.
var patterns = []pattern{
	{regexp.MustCompile(`-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----`), Critical, "a PEM private key"},
	{regexp.MustCompile(`(?:^|[^A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?:$|[^A-Za-z0-9])`), Critical, "an AWS access key ID"},
	{regexp.MustCompile(`\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b`), High, "a GitHub token"},
	{regexp.MustCompile(`\bgithub_pat_[A-Za-z0-9_]{22,255}\b`), High, "a GitHub fine-grained token"},
	{regexp.MustCompile(`\bglpat-[A-Za-z0-9_-]{20,}`), High, "a GitLab personal access token"},
	{regexp.MustCompile(`\bxox[abposr]-[A-Za-z0-9-]{10,}`), High, "a Slack token"},
	{regexp.MustCompile(`\b[sr]k_live_[A-Za-z0-9]{16,}\b`), High, "a Stripe live secret key"},
	{regexp.MustCompile(`\bAIza[0-9A-Za-z_-]{35}(?:$|[^0-9A-Za-z_-])`), High, "a Google API key"},
	{regexp.MustCompile(`\bnpm_[A-Za-z0-9]{36}\b`), High, "an npm token"},
	{regexp.MustCompile(`\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}\b`), High, "a SendGrid API key"},
	{regexp.MustCompile(`https://hooks\.slack\.com/(?:services|workflows)/[A-Za-z0-9/_-]{20,}`), High, "a Slack webhook URL"},
	{regexp.MustCompile(`\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b`), High, "an OpenAI API key"},
	{regexp.MustCompile(`\bsk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{20,}`), High, "an Anthropic API key"},
	{regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`), High, "a JSON Web Token"},
}

// awsSecretKey is the shape of an AWS secret access key, which only its
// variable's name tells from any other 40-character string.
var awsSecretKey = regexp.MustCompile(`^[A-Za-z0-9/+=]{40}$`)

// credential applies tier 1 to a name/value pair.
func credential(name, value string) (severity, reason string, ok bool) {
	for _, p := range patterns {
		if p.re.MatchString(value) {
			return p.severity, p.reason, true
		}
	}
	if isAWSSecretKey(name, strings.TrimSpace(value)) {
		return Critical, "an AWS secret access key", true
	}
	if urlWithPassword(value) {
		return High, "a URL with an embedded password", true
	}
	if connectionStringPassword(value) {
		return High, "a connection string with a password", true
	}
	if jsonPassword(value) {
		return High, "a JSON setting with a password", true
	}
	return "", "", false
}

// passwordMember finds a JSON member whose key ends in password (or passwd,
// pwd) and whose value is a string: configuration passed as one JSON
// variable, as SPRING_APPLICATION_JSON={"spring.datasource.password":"x"}.
var passwordMember = regexp.MustCompile(`(?i)"[^"]*(?:password|passwd|pwd)"\s*:\s*"((?:[^"\\]|\\.)*)"`)

// jsonPassword holds when value holds a JSON member with a literal
// password: not empty, masked, a reference, a switch or a number (as for
// tier 2's values).
func jsonPassword(value string) bool {
	for _, m := range passwordMember.FindAllStringSubmatch(value, -1) {
		if pw := m[1]; !notAPassword(pw) && literal(pw) {
			return true
		}
	}
	return false
}

func isAWSSecretKey(name, value string) bool {
	upper := strings.ToUpper(name)
	if !strings.Contains(upper, "AWS") || !strings.Contains(upper, "SECRET") || describesSecret(tokens(name)) {
		return false
	}
	return awsSecretKey.MatchString(value) && mixed(value)
}

// mixed holds for strings with upper case, lower case and a digit or
// symbol, as randomly generated keys have and words and paths rarely do.
func mixed(s string) bool {
	return strings.ContainsAny(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") &&
		strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") &&
		strings.ContainsAny(s, "0123456789/+")
}

// userinfo finds scheme://user:password@ in a value; the URL may be part of
// a longer string (a JDBC URL, a connection string with options).
var userinfo = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.-]*://([^/\s:@]*):([^/\s@]+)@[^/\s@]`)

// oauthBasic is the fixed password of GitHub's token-as-user form
// (https://TOKEN:x-oauth-basic@github.com/...): the secret is the user.
const oauthBasic = "x-oauth-basic"

// urlWithPassword holds when a URL carries a literal password. A password
// that is itself a reference (${DB_PASSWORD}, $(PASS), {{ .pass }}) is not
// a secret in the file.
func urlWithPassword(value string) bool {
	for _, m := range userinfo.FindAllStringSubmatch(value, -1) {
		user, pw := m[1], m[2]
		if decoded, err := url.PathUnescape(pw); err == nil {
			pw = decoded
		}
		if notAPassword(pw) || (strings.EqualFold(pw, oauthBasic) && notAPassword(user)) {
			continue
		}
		return true
	}
	return false
}

// notAPassword holds for the password part of a URL or connection string
// that is no literal: empty, masked, a reference or template the pattern
// cut short at a space (Password={{ db_password }};), encrypted, or the
// name of a secret in a store.
func notAPassword(pw string) bool {
	return pw == "" || reference(pw) || strings.HasPrefix(pw, "$") || strings.HasPrefix(pw, "{{") ||
		strings.HasPrefix(pw, "{%") || strings.HasPrefix(pw, "<%") || strings.Trim(pw, "*xX.") == "" || stored(pw)
}

// passwordSetting finds password=... inside a longer value: ADO.NET and
// ODBC connection strings (Server=db;Password=x;), StackExchange.Redis
// configuration (redis:6379,password=x,ssl=true), JDBC query parameters
// (?user=app&password=x) and Java system properties (-Dx.password=x).
var passwordSetting = regexp.MustCompile(`(?i)(?:^|[;?&,\s.-])(?:password|pwd)\s*=\s*([^;&,\s]+)`)

func connectionStringPassword(value string) bool {
	for _, m := range passwordSetting.FindAllStringSubmatch(value, -1) {
		pw := strings.Trim(m[1], `"'`)
		if notAPassword(pw) || absolutePath.MatchString(pw) { // --password=/run/secrets/db names a file
			continue
		}
		return true
	}
	return false
}
