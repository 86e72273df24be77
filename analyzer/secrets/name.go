package secrets

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// secretWords are the name tokens that say a variable holds a secret.
// Concatenated forms (APIKEY, SECRETKEY) are listed because many names are
// written without separators.
var secretWords = map[string]bool{
	"password": true, "passwords": true, "passwd": true, "pass": true, "pwd": true, "pword": true,
	"secret": true, "secrets": true, "token": true, "credential": true, "credentials": true,
	"apikey": true, "accesskey": true, "secretkey": true, "privatekey": true,
	"clientsecret": true, "authtoken": true,
}

// secretPairs are two adjacent tokens that together name a secret (API_KEY,
// apiKey, ACCESS_KEY, PRIVATE_KEY); "key" alone names too many harmless
// settings (CACHE_KEY, SORT_KEY) to count.
var secretPairs = [][2]string{{"api", "key"}, {"access", "key"}, {"private", "key"}}

// exactNames hold secrets whatever their tokens say.
var exactNames = map[string]bool{
	"AWS_SECRET_ACCESS_KEY": true, "AWS_SESSION_TOKEN": true, "ECS_ENGINE_AUTH_DATA": true,
}

// describingSuffixes end names that describe a secret rather than hold it:
// where it is (DB_PASSWORD_FILE, TOKEN_URL), what it is (SECRET_NAME,
// TOKEN_TYPE) or how it behaves (TOKEN_TTL, PASSWORD_MIN_LENGTH). The first
// block is RULES.md's list; the rest are settings of the same kind that real
// task definitions carry and whose values are not secrets.
var describingSuffixes = map[string]bool{
	"file": true, "path": true, "dir": true, "arn": true, "name": true, "id": true, "url": true, "uri": true,
	"type": true, "version": true, "enabled": true, "ttl": true, "length": true, "header": true, "region": true, "endpoint": true,

	"expiry": true, "expiration": true, "lifetime": true, "timeout": true, "algorithm": true,
	"issuer": true, "audience": true, "policy": true, "location": true, "host": true, "port": true,
	"prefix": true, "format": true, "mode": true, "provider": true, "store": true, "backend": true, "source": true,
	"strategy": true, "hasher": true, "encoder": true, "alg": true, "algo": true, "cookie": true, "headers": true,
	"param": true, "parameter": true, "rate": true, "limit": true, "interval": true, "size": true, "scope": true,
	"scopes": true, "pattern": true, "regex": true,
}

// describesSecret holds for tokenized names that end in a describing
// suffix or contain the token PUBLIC (JWT_PUBLIC_KEY).
func describesSecret(toks []string) bool {
	return len(toks) == 0 || describingSuffixes[toks[len(toks)-1]] || slices.Contains(toks, "public")
}

// secretName applies the name test of tier 2.
func secretName(name string) bool {
	if exactNames[strings.ToUpper(strings.TrimSpace(name))] {
		return true
	}
	toks := tokens(name)
	if describesSecret(toks) {
		return false
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = strings.TrimRight(t, "0123456789") // numbered secrets: PASSWORD2, API_KEY1
	}
	for i, t := range words {
		if secretWords[t] || strings.HasSuffix(t, "password") || strings.HasSuffix(t, "passwd") {
			return true // PGPASSWORD, ROOTPASSWORD
		}
		for _, p := range secretPairs {
			if i+1 < len(words) && t == p[0] && words[i+1] == p[1] {
				return true
			}
		}
	}
	return false
}

// tokens splits a variable name into lower-case words at '_', '-', '.',
// other punctuation and camelCase boundaries: "dbPassword" -> [db password],
// "APIKey" -> [api key], "DB_PASSWORD_FILE" -> [db password file].
func tokens(name string) []string {
	var out []string
	rs := []rune(name)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, strings.ToLower(string(rs[start:end])))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start >= 0 && camelBoundary(rs, i) {
			flush(i)
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(rs))
	return out
}

// camelBoundary holds when a new word starts at rs[i]: "dbPassword" (lower
// to upper) or "APIKey" (the last capital of an acronym followed by lower).
func camelBoundary(rs []rune, i int) bool {
	if i == 0 || !unicode.IsUpper(rs[i]) {
		return false
	}
	prev := rs[i-1]
	switch {
	case unicode.IsLower(prev), unicode.IsDigit(prev):
		return true
	case unicode.IsUpper(prev):
		return i+1 < len(rs) && unicode.IsLower(rs[i+1])
	}
	return false
}

// notSecretValues are values that switch a feature or leave it unset.
var notSecretValues = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true,
	"null": true, "none": true, "nil": true, "enabled": true, "disabled": true,
}

var (
	number = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)
	// duration is a number with a time unit: TOKEN_EXPIRES_IN=15m.
	duration = regexp.MustCompile(`^[0-9]+(ms|s|m|h|d|w|y)$`)
	// fileName is a relative path to a credentials file
	// (GOOGLE_APPLICATION_CREDENTIALS=key.json): where the secret is, not
	// the secret.
	fileName = regexp.MustCompile(`^(\./|\.\./|~/)[^\s]*$|^[\w./-]+\.(json|pem|key|crt|cer|p12|pfx|jks|keystore|txt|ya?ml|env|conf|ini|properties)$`)
	// references to values resolved elsewhere: ${VAR}, $(VAR), {{ ... }}
	// (Helm, CloudFormation {{resolve:...}}), a whole-value $VAR, ARNs of
	// Secrets Manager or SSM, and CloudFormation short-form intrinsics.
	// A whole-value <PLACEHOLDER>, __TOKEN__ or %TOKEN%, and #{Name}
	// anywhere (Octopus, Azure DevOps replace-tokens), are filled in by a
	// deploy tool; [YOUR-PASSWORD] is the placeholder of copied connection
	// strings (Supabase's postgresql://postgres:[YOUR-PASSWORD]@db...).
	// Grafana expands $__file{path}, $__env{NAME} and $__vault{ref} in the
	// settings it reads from the environment.
	referencePattern = regexp.MustCompile(`\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|^\$[A-Za-z_][A-Za-z0-9_]*$|^arn:aws[a-z-]*:|^!(Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If)\b|^<[^<>]+>$|` +
		`#\{[^}]+\}|^__[A-Za-z0-9_.]+__$|^%[A-Za-z_][A-Za-z0-9_]*%$|^\[[A-Za-z][A-Za-z0-9 _.-]*\]$|^\$__(file|env|vault)\{[^}]+\}$`)
	absolutePath = regexp.MustCompile(`^(/|[A-Za-z]:\\)[^\s]*$`)
	// encrypted is a whole value that a tool decrypts or looks up when the
	// program starts: ENC[AES256_GCM,data:...,type:str] encrypted in place
	// by SOPS (how Flux and other GitOps setups commit manifests),
	// ENC[k8s_secret@ns/name/key] or ENC[api_key] of the Datadog Agent's
	// secrets backend, and ENC(...) of Jasypt (Spring). That is how a secret
	// should be committed.
	encrypted = regexp.MustCompile(`^ENC\[[^\[\]\s]+\]$|^ENC\([^()\s]+\)$`)
	// storeReference is a whole value naming a secret in a secret store,
	// which an injector or the platform puts in its place when the
	// container starts: bank-vaults (vault:secret/data/app#password,
	// >>vault:...), 1Password (op://vault/item/field), Berglas
	// (sm://project/secret, berglas://bucket/secret), ssm-env
	// (ssm:///path), vals and helmfile (ref+vault://..., ref+awssecrets://...),
	// akv2k8s (name@azurekeyvault), Azure App Service and Functions
	// (@Microsoft.KeyVault(SecretUri=...)) and secrets-init
	// (gcp:secretmanager:projects/...). A file: URL or env:// reference
	// (authentik's AUTHENTIK_SECRET_KEY=file:///run/secrets/key, exporters'
	// PASSWORD=file:/run/secrets/pw) names where the program reads it.
	storeReference = regexp.MustCompile(`(?i:^file:\S+$)|^env://\S+$|^(>>)?vault:[^\s#]+#[^\s]+$|^(op|sm|berglas|ssm)://[^\s]+$|^ref\+[a-z0-9]+://[^\s]*$|` +
		`^[A-Za-z0-9._-]+@azurekeyvault(\?[^\s]*)?$|^@Microsoft\.KeyVault\(.*\)$|^gcp:secretmanager:[^\s]+$`)
)

// literal holds for a value that is written in the file and could be a
// secret: not empty, not a switch, number, duration, reference or path.
func literal(value string) bool {
	v := strings.TrimSpace(value)
	switch {
	case v == "", notSecretValues[strings.ToLower(v)], number.MatchString(v), duration.MatchString(v),
		reference(v), absolutePath.MatchString(v), fileName.MatchString(v), masked(v), stored(v):
		return false
	}
	return true
}

// stored holds for a value that is encrypted or names a secret kept in a
// secret store: the secret is not in the file.
func stored(v string) bool {
	return encrypted.MatchString(v) || storeReference.MatchString(v)
}

// masked holds for a value someone already hid: one mask character
// repeated ("********", "xxxxxxxx", as consoles and docs print secrets) or
// the word "redacted" (saved describe-* output of tools that redact).
func masked(v string) bool {
	if strings.EqualFold(strings.Trim(v, "[]()<>*"), "redacted") {
		return true
	}
	if len(v) < 3 || !strings.ContainsRune("*xX#.•", []rune(v)[0]) {
		return false
	}
	first := []rune(v)[0]
	for _, r := range v {
		if r != first {
			return false
		}
	}
	return true
}

// reference also sees through quotes a shell template leaves around a
// variable ("'$REGION'" in JSON that a script splices a value into).
func reference(v string) bool {
	return referencePattern.MatchString(v) || referencePattern.MatchString(strings.Trim(v, `'"`))
}
