package secrets

import "strings"

// IsSecretName reports whether an environment variable name looks like it
// holds a secret (tier 2's name test): DB_PASSWORD, apiKey, but not
// DB_PASSWORD_FILE.
func IsSecretName(name string) bool {
	return secretName(name)
}

// SecretEnvValue reports whether path p of spec is the value of an
// environment entry (env[i].value of a pod spec container,
// environment[i].value of an ECS container definition) whose name looks
// like a secret's. Messages other than the secret rules' that quote such a
// value — a schema error for a password written as a number or a list —
// must not print it: a secret never prints in full anywhere.
func SecretEnvValue(spec any, p []any) bool {
	n := len(p)
	if n < 3 || p[n-1] != "value" {
		return false
	}
	if list, _ := p[n-3].(string); list != "env" && list != "environment" {
		return false
	}
	entry, ok := lookup(spec, p[:n-1]).(map[string]any)
	if !ok {
		return false
	}
	name, _ := entry["name"].(string)
	return IsSecretName(strings.TrimSpace(name))
}

// lookup returns the value at p in a decoded JSON or YAML document, or nil.
func lookup(v any, p []any) any {
	for _, e := range p {
		switch k := e.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			l, ok := v.([]any)
			if !ok || k < 0 || k >= len(l) {
				return nil
			}
			v = l[k]
		default:
			return nil
		}
	}
	return v
}
