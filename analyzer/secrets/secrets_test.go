package secrets

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Fake credentials in the issuers' formats, assembled so that the source
// does not itself look like it leaks them.
var (
	awsKeyID     = "AKIA" + "IOSFODNN7EXAMPLE"
	awsSecret    = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY"
	ghToken      = "ghp_" + strings.Repeat("a1B2", 9)
	ghFineToken  = "github_pat_" + strings.Repeat("A1b2", 6) + "_" + strings.Repeat("x9Y8", 15)
	glToken      = "glpat-" + "xxxxXXXX1234yyyyZZZZ"
	slackToken   = "xoxb-" + "1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"
	stripeKey    = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"
	googleKey    = "AIza" + "SyD-abcdefghijklmnopqrstuvwxyz01234"
	npmToken     = "npm_" + strings.Repeat("aB3d", 9)
	sendgridKey  = "SG." + "ngeVfQFYQlKU0ufo8x5d1A" + "." + "TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr"
	jwt          = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0" + "." + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
	pemKey       = "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"
	pemOpenSSH   = "-----BEGIN OPENSSH " + "PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"
	pemEncrypted = "-----BEGIN ENCRYPTED " + "PRIVATE KEY-----\nMIIE\n-----END ENCRYPTED PRIVATE KEY-----"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name, value string
		severity    string // "" when not a secret
		reason      string // checked when set
	}{
		// Tier 1, whatever the name.
		{"FOO", awsKeyID, Critical, "an AWS access key ID"},
		{"AWS_ACCESS_KEY_ID", awsKeyID, Critical, "an AWS access key ID"},
		{"CREDS", "ASIA" + "ABCDEFGHIJKLMNOP", Critical, "an AWS access key ID"},
		{"AWS_SECRET_ACCESS_KEY", awsSecret, Critical, "an AWS secret access key"},
		{"awsSecretKey", awsSecret, Critical, "an AWS secret access key"},
		{"TLS_KEY", pemKey, Critical, "a PEM private key"},
		{"SSH_KEY", pemOpenSSH, Critical, "a PEM private key"},
		{"JWT_PUBLIC_KEY", pemEncrypted, Critical, "a PEM private key"},
		{"GH", ghToken, High, "a GitHub token"},
		{"GITHUB_TOKEN_URL", ghToken, High, "a GitHub token"},
		{"GH_PAT", ghFineToken, High, "a GitHub fine-grained token"},
		{"GITLAB", glToken, High, "a GitLab personal access token"},
		{"SLACK", slackToken, High, "a Slack token"},
		{"STRIPE", stripeKey, High, "a Stripe live secret key"},
		{"MAPS", googleKey, High, "a Google API key"},
		{"NPMRC", npmToken, High, "an npm token"},
		{"MAIL", sendgridKey, High, "a SendGrid API key"},
		{"SESSION", jwt, High, "a JSON Web Token"},
		{"ALERTS", "https://hooks.slack.com/services/" + "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", High, "a Slack webhook URL"},
		{"LLM", "sk-proj-" + strings.Repeat("Ab1_", 10), High, "an OpenAI API key"},
		{"CLAUDE", "sk-ant-api03-" + strings.Repeat("Ab1-", 10), High, "an Anthropic API key"},
		{"SLACK_CHANNEL_URL", "https://hooks.slack.com/", "", ""},
		{"AUTHORIZATION", "Bearer " + jwt, High, "a JSON Web Token"},
		{"DATABASE_URL", "postgres://app:s3cr3tPw@db.internal:5432/app", High, "a URL with an embedded password"},
		{"REDIS_URL", "redis://:hunter22@redis:6379/0", High, "a URL with an embedded password"},
		{"JDBC", "jdbc:mysql://admin:pw%21x@host/db?useSSL=true", High, "a URL with an embedded password"},
		{"SPRING_DATASOURCE_URL", "mongodb+srv://user:Pa55word@cluster0.mongodb.net/db", High, "a URL with an embedded password"},
		{"ConnectionStrings__Default", "Server=db;Database=app;User Id=sa;Password=Passw0rd!;", High, "a connection string with a password"},
		{"JDBC_URL", "jdbc:postgresql://db:5432/app?user=app&password=s3cret", High, "a connection string with a password"},
		{"JAVA_OPTS", "-Xmx512m -Dspring.datasource.password=s3cret", High, "a connection string with a password"},
		{"ConnectionStrings__Redis", "redis.data.svc.cluster.local:6379,password=InsightLearn2024!", High, "a connection string with a password"},
		{"ConnectionStrings__Redis", "redis:6379,password=${REDIS_PASSWORD},ssl=true", "", ""},
		{"ConnectionStrings__Redis", "redis:6379,ssl=true,abortConnect=false", "", ""},
		// Configuration passed as one JSON variable.
		{"SPRING_APPLICATION_JSON", `{"spring.datasource.password":"s3cret-JSON6"}`, High, "a JSON setting with a password"},
		{"SPRING_APPLICATION_JSON", `{"spring":{"datasource":{"url":"jdbc:mysql://db/app","password": "s3cr\"et"}}}`, High, "a JSON setting with a password"},
		{"SPRING_APPLICATION_JSON", `{"spring.datasource.password":"${DB_PASSWORD}"}`, "", ""},
		{"SPRING_APPLICATION_JSON", `{"server":{"port":8081},"password":""}`, "", ""},
		{"APP_CONFIG", `{"requirePassword":"true","passwordPolicy":"strong","password":12345}`, "", ""},
		{"JDBC_URL", "jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}", "", ""},
		{"CONN", "Server=db;Password=;", "", ""},
		{"ARGS", "--user=app --password=s3cret", High, "a connection string with a password"},
		{"CONN", "Server=db;Password=<DB_PASSWORD>;", "", ""},
		{"DB_PASSWORD", "<DB_PASSWORD>", "", ""},
		// Values already masked are not secrets; one different character
		// makes a literal again.
		{"DB_PASSWORD", "********", "", ""},
		{"API_TOKEN", "xxxxxxxxxxxx", "", ""},
		{"DB_PASSWORD", "[REDACTED]", "", ""},
		// SOPS-encrypted in place, and bank-vaults webhook references.
		{"DB_PASSWORD", "ENC[AES256_GCM,data:8H4wsH4FxgY=,iv:tYOhpHaSFDsd4sM0qwBzvt6kjRSYeNyx4qbmLo1YWpY=,tag:2mddNOmTjX3BV3PNBT4bcA==,type:str]", "", ""},
		{"AWS_SECRET_ACCESS_KEY", "vault:secret/data/accounts/aws#AWS_SECRET_ACCESS_KEY", "", ""},
		{"DB_PASSWORD", ">>vault:database/creds/app#password", "", ""},
		// Encrypted values and secret-store references an injector resolves
		// when the container starts: Datadog secrets backend, Jasypt,
		// 1Password, Berglas, ssm-env, vals, akv2k8s, Azure App Service,
		// secrets-init.
		{"DD_API_KEY", "ENC[k8s_secret@datadog/dd-secret/api_key]", "", ""},
		{"DD_API_KEY", "ENC[api_key]", "", ""},
		{"REDIS_PASSWORD", "ENC(ZCcv8B6TyhvMHcARsUj+LvpcMiwndFKOMP/qKsLhBC8=)", "", ""},
		{"DB_PASSWORD", "op://my-vault/my-item/sql/password", "", ""},
		{"API_KEY", "sm://PROJECT_ID/my-secret", "", ""},
		{"API_KEY", "berglas://berglas-test-secrets/api-key", "", ""},
		{"DB_PASSWORD", "ssm:///prod/db/password", "", ""},
		{"DB_PASSWORD", "ref+awssecrets://prod/db#/password", "", ""},
		{"TEST_SECRET", "secret-inject@azurekeyvault", "", ""},
		{"DB_PASSWORD", "db-password@azurekeyvault?password", "", ""},
		{"DB_PASSWORD", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db/)", "", ""},
		{"DB_PASSWORD", "@Microsoft.KeyVault(VaultName=kv;SecretName=db)", "", ""},
		{"DB_PASSWORD", "gcp:secretmanager:projects/p/secrets/db/versions/latest", "", ""},
		{"DB_PASSWORD", "op:/not-a-reference", Medium, ""},
		{"DB_PASSWORD", "ENC(has space)", Medium, ""},
		{"DB_PASSWORD", "hunter2@azurekeyvault.example.com", Medium, ""},
		// A reference a shell template quotes ("'$DB_PASSWORD'").
		{"DB_PASSWORD", "'$DB_PASSWORD'", "", ""},
		{"DB_PASSWORD", "'hunter2'", Medium, ""},
		// The password of a URL or connection string that is a template cut
		// at a space, encrypted, or a file path.
		{"CONN", "Server=db;Password={{ db_password }};", "", ""},
		{"CONN", "Server=db;Password=<%= ENV['DB_PASSWORD'] %>;", "", ""},
		{"DATABASE_URL", "postgresql://app:ENC[AES256_GCM,data:abc=,type:str]@db/app", "", ""},
		{"ARGS", "--password=/run/secrets/db", "", ""},
		// Placeholders of copied connection strings.
		{"DATABASE_URL", "postgresql://postgres:[YOUR-PASSWORD]@db.abcdefgh.supabase.co:5432/postgres", "", ""},
		{"DB_PASSWORD", "[YOUR-PASSWORD]", "", ""},
		{"DATABASE_URL", "postgresql://postgres:[pw]x@db/app", High, ""},
		// File and environment references the program resolves itself.
		{"AUTHENTIK_POSTGRESQL__PASSWORD", "file:///run/secrets/authentik_pg_password", "", ""},
		{"AUTHENTIK_SECRET_KEY", "env://AUTHENTIK_KEY", "", ""},
		{"WS_AUTH_PASSWORD", "file:/run/secrets/workspace/auth/password", "", ""},
		{"DB_PASSWORD", "FILE:/run/secrets/db_password", "", ""},
		{"DB_PASSWORD", "profile:x", Medium, ""},
		// Grafana's variable expansion.
		{"GF_SECURITY_ADMIN_PASSWORD", "$__file{/run/secrets/grafana_admin_password}", "", ""},
		{"GF_DATABASE_PASSWORD", "$__env{PGPASSWORD}", "", ""},
		{"GF_SECURITY_ADMIN_PASSWORD", "$__file{x}y", Medium, ""},
		// GitHub's token-as-user form: the secret is the user, here a reference.
		{"REPO_URL", "https://${GITHUB_TOKEN}:x-oauth-basic@github.com/org/repo.git", "", ""},
		{"REPO_URL", "https://$(GH_TOKEN):x-oauth-basic@github.com/org/repo.git", "", ""},
		{"REPO_URL", "https://4951b2323723da7f051cd9618a1d273406c2634b:x-oauth-basic@github.com/org/repo.git", High, "a URL with an embedded password"},
		{"CONN", "Server=db;Password={Pa;ss};", High, "a connection string with a password"},
		{"DB_PASSWORD", "ENC[not sops", Medium, "a secret-looking name with a literal value"},
		{"DB_PASSWORD", "xxxxxxx1", Medium, "a secret-looking name with a literal value"},
		{"DB_PASSWORD", "xx", Medium, "a secret-looking name with a literal value"},
		{"SPRING_DATASOURCE_PASSWORD", "#{DbPassword}", "", ""},
		{"DB_PASSWORD", "#{Project.Db.Password}#", "", ""},
		{"DB_PASS", "%DB_PASS%", "", ""},
		{"API_TOKEN", "__API_TOKEN__", "", ""},
		{"API_TOKEN", "__not_a_token", Medium, ""},
		{"JAVA_OPTS", "-Djavax.net.ssl.keyStorePassword=changeit", "", ""},
		// Tier 2: secret-looking names with literal values.
		{"DB_PASSWORD", "hunter2", Medium, "a secret-looking name with a literal value"},
		{"SPRING_DATASOURCE_PASSWORD", "changeme", Medium, ""},
		{"dbPassword", "hunter2", Medium, ""},
		{"apiKey", "abc123def456", Medium, ""},
		{"API_KEY", "abc123def456", Medium, ""},
		{"APIKey", "abc123def456", Medium, ""},
		{"X-API-KEY", "abc123def456", Medium, ""},
		{"app.secret", "abc", Medium, ""},
		{"SECRET_KEY_BASE", "d5c4a1b2", Medium, ""},
		{"DJANGO_SECRET_KEY", "django-insecure-abc", Medium, ""},
		{"MINIO_ACCESS_KEY", "minio", Medium, ""},
		{"MINIO_SECRETKEY", "minio123", Medium, ""},
		{"OAUTH_CLIENT_SECRET", "abc", Medium, ""},
		{"SLACK_AUTH_TOKEN", "abc", Medium, ""},
		{"GITHUB_TOKEN", "abc", Medium, ""},
		{"OAuth2Token", "abc", Medium, ""},
		{"SMTP_PASS", "mailpw", Medium, ""},
		{"MYSQL_ROOT_PWD", "root", Medium, ""},
		{"REGISTRY_CREDENTIALS", "user:pw", Medium, ""},
		{"PRIVATE_KEY", "abc", Medium, ""},
		{"ECS_ENGINE_AUTH_DATA", `{"https://index.docker.io/v1/":{"auth":"abc"}}`, Medium, ""},
		{"aws_session_token", "FwoGZXIvYXdzEBYaDH", Medium, ""},
		{"AWS_SECRET_ACCESS_KEY", "short", Medium, ""},
		{"REDIS_PASSWORD", "123456abc", Medium, ""},
		{"TOKEN_ALGORITHM_X", "HS256", Medium, ""},
		{"PGPASSWORD", "postgres", Medium, ""},
		{"ROOTPASSWORD", "toor", Medium, ""},
		{"PASSWORD1", "hunter2", Medium, ""},
		{"DB_PASSWORD2", "hunter2", Medium, ""},
		{"apiToken2", "abc", Medium, ""},
		{"STRIPE_API_KEY2", "abc", Medium, ""},
		{"SHA256_SUM", "abc", "", ""},
		// Names that describe a secret rather than hold it.
		{"DB_PASSWORD_FILE", "secret.txt", "", ""},
		{"dbPasswordFile", "secret.txt", "", ""},
		{"PASSWORD_MIN_LENGTH", "12a", "", ""},
		{"TOKEN_TTL", "1h", "", ""},
		{"SECRET_NAME", "my-secret", "", ""},
		{"SECRET_ARN_X_ARN", "x", "", ""},
		{"KEYCLOAK_TOKEN_URL", "https://sso.example.com/token", "", ""},
		{"TOKEN_ENDPOINT", "https://sso.example.com/token", "", ""},
		{"JWT_PUBLIC_KEY", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", "", ""},
		{"PUBLIC_TOKEN", "pk_test_abc", "", ""},
		{"DB_SECRET_ID", "prod/db", "", ""},
		{"AWS_SECRETS_MANAGER_REGION", "us-east-1", "", ""},
		{"PASSWORD_HEADER", "X-Password", "", ""},
		{"TOKEN_TYPE", "Bearer", "", ""},
		{"AUTH_TOKEN_VERSION", "v2", "", ""},
		{"SECRET_ENABLED", "maybe", "", ""},
		{"JWT_TOKEN_EXPIRY", "15m", "", ""},
		{"TOKEN_ISSUER", "https://auth.example.com", "", ""},
		{"SECRETS_PROVIDER", "aws", "", ""},
		{"PASSWORD_ENCODER", "bcrypt", "", ""},
		{"SESSION_TOKEN_COOKIE", "sid", "", ""},
		{"PASS_THROUGH_HEADERS", "x-request-id", "", ""},
		{"APIKEY_PARAM", "key", "", ""},
		{"TOKEN_SIGNING_ALG", "RS256", "", ""},
		{"TOKEN_BUCKET_RATE", "10/s", "", ""},
		{"PASSWORD_PATTERN", "^.{12,}$", "", ""},
		// Words that merely contain a secret word.
		{"PASSPORT_STRATEGY_X", "local", "", ""},
		{"BYPASS_CACHE", "sometimes", "", ""},
		{"COMPASS_HOME", "x", "", ""},
		{"TOKENIZER", "bpe", "", ""},
		{"SECRETARY_EMAIL", "a@b.c", "", ""},
		{"CACHE_KEY", "abc", "", ""},
		{"SORT_KEY", "abc", "", ""},
		{"KEY", "abc", "", ""},
		{"PASSENGER_APP_ENV", "production", "", ""},
		// Values that are not literal secrets.
		{"DB_PASSWORD", "", "", ""},
		{"DB_PASSWORD", "   ", "", ""},
		{"DB_PASSWORD", "${DB_PASSWORD}", "", ""},
		{"DB_PASSWORD", "$(DB_PASSWORD)", "", ""},
		{"DB_PASSWORD", "$DB_PASSWORD", "", ""},
		{"DB_PASSWORD", "{{ .Values.db.password }}", "", ""},
		{"DB_PASSWORD", "{{resolve:secretsmanager:prod/db:SecretString:password}}", "", ""},
		{"DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", "", ""},
		{"DB_PASSWORD", "arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/db", "", ""},
		{"DB_PASSWORD", "!Ref DbPassword", "", ""},
		{"DB_PASSWORD", "/run/secrets/db_password", "", ""},
		{"DB_PASSWORD", `C:\secrets\db.txt`, "", ""},
		{"MYSQL_ALLOW_EMPTY_PASSWORD", "yes", "", ""},
		{"MYSQL_RANDOM_ROOT_PASSWORD", "TRUE", "", ""},
		{"SKIP_PASSWORD", "off", "", ""},
		{"PASSWORD_RESET_TIMEOUT", "3600", "", ""},
		{"TOKEN_REFRESH_SECONDS", "3600", "", ""},
		{"PASSWORD_HASH_ROUNDS", "10", "", ""},
		{"MAX_TOKENS", "4096", "", ""},
		{"AUTH_TOKEN_EXPIRES_IN", "15m", "", ""},
		{"GOOGLE_APPLICATION_CREDENTIALS", "service-account.json", "", ""},
		{"GOOGLE_APPLICATION_CREDENTIALS", "./secrets/sa", "", ""},
		{"SSL_KEY_PASSWORD", "keystore.jks", "", ""},
		{"DB_PASSWORD", "null", "", ""},
		{"DATABASE_URL", "postgres://app:${DB_PASSWORD}@db:5432/app", "", ""},
		{"DATABASE_URL", "postgres://app:$(DB_PASSWORD)@db:5432/app", "", ""},
		{"DATABASE_URL", "postgres://app:****@db:5432/app", "", ""},
		{"DATABASE_URL", "postgres://db.internal:5432/app", "", ""},
		{"CONTACT", "mailto:someone@example.com", "", ""},
		{"ACCESS_KEY_LIKE", "AKIAIOSFODNN7EXAMPLEXX", Medium, ""},
		{"HOME", "/home/app", "", ""},
		{"NODE_ENV", "production", "", ""},
	}
	for _, tt := range tests {
		m, ok := Classify(tt.name, tt.value)
		if ok != (tt.severity != "") || m.Severity != tt.severity {
			t.Errorf("Classify(%q, %q) = %+v, %v; want severity %q", tt.name, tt.value, m, ok, tt.severity)
			continue
		}
		if tt.reason != "" && m.Reason != tt.reason {
			t.Errorf("Classify(%q, %q).Reason = %q, want %q", tt.name, tt.value, m.Reason, tt.reason)
		}
		if ok && m.Masked != Mask(tt.value) {
			t.Errorf("Classify(%q, %q).Masked = %q, want Mask(value)", tt.name, tt.value, m.Masked)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := map[string][]string{
		"DB_PASSWORD_FILE": {"db", "password", "file"},
		"dbPassword":       {"db", "password"},
		"APIKey":           {"api", "key"},
		"x-api-key":        {"x", "api", "key"},
		"app.secret":       {"app", "secret"},
		"OAuth2Token":      {"o", "auth2", "token"},
		"__":               nil,
	}
	for in, want := range tests {
		if got := tokens(in); !slices.Equal(got, want) {
			t.Errorf("tokens(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMask(t *testing.T) {
	tests := map[string]string{
		awsKeyID:           "AKIA**************** (20 chars)",
		"hunter22":         "******** (8 chars)",
		"":                 " (0 chars)",
		"elevenchars":      "*********** (11 chars)",
		"twelve-chars":     "twel******** (12 chars)",
		"pässwörd-ünï":     "päss******** (12 chars)",
		"\n\tab-cdefghijk": "**ab********** (14 chars)",
	}
	for in, want := range tests {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Mask(pemKey + strings.Repeat("A", 2000)); !strings.HasPrefix(got, "----") || strings.Count(got, "*") != maxStars {
		t.Errorf("Mask(long PEM) = %q: want 4 characters and %d stars", got, maxStars)
	}
}

func FuzzClassify(f *testing.F) {
	for _, s := range [][2]string{
		{"DB_PASSWORD", "hunter2"}, {"X", awsKeyID}, {"AWS_SECRET", awsSecret}, {"U", "postgres://a:b@c/d"},
		{"dbPasswordFile", "x"}, {"", ""}, {"ÄPI_KËY", "välüe"}, {"T", "\xff\xfe"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, name, value string) {
		m, ok := Classify(name, value)
		if !ok {
			return
		}
		if m.Severity != Critical && m.Severity != High && m.Severity != Medium {
			t.Fatalf("Classify(%q, %q): severity %q", name, value, m.Severity)
		}
		n := utf8.RuneCountInString(value)
		if n >= 12 && strings.Contains(m.Masked, value) {
			t.Fatalf("Classify(%q, %q): masked %q shows the value", name, value, m.Masked)
		}
		if n < 12 && !strings.HasPrefix(m.Masked, strings.Repeat("*", n)+" (") {
			t.Fatalf("Mask(%q) = %q: shows characters of a short value", value, m.Masked)
		}
	})
}

func TestSecretEnvValue(t *testing.T) {
	pod := map[string]any{"containers": []any{map[string]any{"env": []any{
		map[string]any{"name": "DB_PASSWORD", "value": 12345678},
		map[string]any{"name": "PORT", "value": 8080},
		map[string]any{"name": "PASSWORD_FILE", "value": 1},
	}}}}
	tests := []struct {
		path []any
		want bool
	}{
		{[]any{"containers", 0, "env", 0, "value"}, true},
		{[]any{"containers", 0, "env", 1, "value"}, false},
		{[]any{"containers", 0, "env", 2, "value"}, false},
		{[]any{"containers", 0, "env", 3, "value"}, false},
		{[]any{"containers", 0, "env", 0, "name"}, false},
		{[]any{"containers", "0", "env", 0, "value"}, false},
		{[]any{"value"}, false},
	}
	for _, tt := range tests {
		if got := SecretEnvValue(pod, tt.path); got != tt.want {
			t.Errorf("SecretEnvValue(%v) = %v, want %v", tt.path, got, tt.want)
		}
	}
	ecs := map[string]any{"containerDefinitions": []any{map[string]any{"environment": []any{
		map[string]any{"name": "apiKey", "value": []any{"x"}},
	}}}}
	if !SecretEnvValue(ecs, []any{"containerDefinitions", 0, "environment", 0, "value"}) {
		t.Error("SecretEnvValue(ECS apiKey) = false, want true")
	}
}
