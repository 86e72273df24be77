package shipcheck.ecs.secret_in_environment_test

import data.shipcheck.ecs.secret_in_environment.deny

task(env) := {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [{"name": "web", "image": "web:1.0", "environment": env}]}}

var(name, value) := {"name": name, "value": value}

# Built at run time so that no scanner mistakes the test for a leak.
access_key := concat("", ["AKIA", "IOSFODNN7", "EXAMPLE"])

github_token := concat("", ["ghp_", "abcdefghijklmnopqrstuvwxyz0123456789"])

private_key := concat("", ["-----BEGIN RSA ", "PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"])

test_access_key_under_any_name_is_critical if {
	ds := deny with input as task([var("APP_MODE", access_key)])
	count(ds) == 1
	some d in ds
	d.severity == "critical"
	d.path == ["containerDefinitions", 0, "environment", 0, "value"]
}

test_private_key_is_critical if {
	ds := deny with input as task([var("TLS_CERT_BUNDLE", private_key)])
	some d in ds
	d.severity == "critical"
}

test_github_token_is_high if {
	ds := deny with input as task([var("GH", github_token)])
	some d in ds
	d.severity == "high"
}

test_url_with_password_is_high if {
	ds := deny with input as task([var("DATABASE_URL", "postgres://app:s3cretpassw0rd@db.internal:5432/app")])
	some d in ds
	d.severity == "high"
}

test_secret_name_with_literal_is_medium if {
	ds := deny with input as task([var("DB_PASSWORD", "hunter2hunter2")])
	some d in ds
	d.severity == "medium"
}

test_camel_case_names_match if {
	count(deny) == 2 with input as task([var("dbPassword", "hunter2hunter2"), var("apiKey", "k3y-value-1234")])
}

test_message_masks_the_value if {
	ds := deny with input as task([var("APP_MODE", access_key), var("DB_PASSWORD", "hunter2hunter2")])
	count(ds) == 2
	every d in ds {
		not contains(d.msg, access_key)
		not contains(d.msg, "hunter2")
	}
	some d in ds
	contains(d.msg, "AKIA*")
}

test_message_names_container_and_variable if {
	ds := deny with input as task([var("DB_PASSWORD", "hunter2hunter2")])
	some d in ds
	contains(d.msg, `container "web"`)
	contains(d.msg, `"DB_PASSWORD"`)
	contains(d.msg, "secrets")
}

test_exempt_values if {
	count(deny) == 0 with input as task([
		var("DB_PASSWORD", ""),
		var("REQUIRE_TOKEN", "true"),
		var("TOKEN_AUTH", "off"),
		var("API_KEY", "12345"),
		var("SECRET_KEY", "${var.secret_key}"),
		var("DB_PASS", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"),
		var("CLIENT_SECRET", "{{resolve:secretsmanager:prod/app:SecretString:client}}"),
		var("APP_SECRET", "/run/secrets/app"),
	])
}

test_exempt_names if {
	count(deny) == 0 with input as task([
		var("DB_PASSWORD_FILE", "passwords.txt"),
		var("JWT_SECRET_ARN", "some-literal-value"),
		var("TOKEN_URL", "https://auth.example.com/token"),
		var("PUBLIC_KEY_PEM_NAME", "release-signing"),
		var("STRIPE_PUBLIC_KEY", "pk_live_abcdefgh"),
		var("PASSWORD_MIN_LENGTH", "twelve"),
		var("PASSENGER_MAX_POOL", "8"),
		var("COMPASS_THEME", "dark"),
	])
}

test_secrets_list_is_exempt if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [{
		"name": "web",
		"secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db"}],
	}]}}
}

test_non_string_value_is_not_a_secret if {
	count(deny) == 0 with input as task([var("DB_PASSWORD", 1234), var("API_TOKEN", true)])
}

test_unnamed_entry_with_credential_value if {
	ds := deny with input as task([{"value": access_key}])
	count(ds) == 1
	some d in ds
	contains(d.msg, "entry #1")
}

test_malformed_environment_is_ignored if {
	count(deny) == 0 with input as task({"DB_PASSWORD": "hunter2hunter2"})
	count(deny) == 0 with input as task(["DB_PASSWORD=hunter2hunter2"])
}

test_every_container_is_checked if {
	ds := deny with input as {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [
		{"name": "app"},
		{"name": "log_router", "essential": false, "environment": [var("DD_API_KEY", "0123456789abcdef0123456789abcdef")]},
	]}}
	some d in ds
	d.path == ["containerDefinitions", 1, "environment", 0, "value"]
	contains(d.msg, `container "log_router"`)
}
