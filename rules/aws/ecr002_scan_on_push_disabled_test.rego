package shipcheck.aws.scan_on_push_disabled_test

import data.shipcheck.aws.scan_on_push_disabled.deny

repo(spec) := {"kind": "aws.ecr.repository", "spec": spec}

registry(filter, freq) := {"scanType": "ENHANCED", "rules": [{"scanFrequency": freq, "repositoryFilters": [{"filter": filter, "filterType": "WILDCARD"}]}]}

test_absent if {
	ds := deny with input as repo({"repositoryName": "app"})
	some d in ds
	d.path == []
	contains(d.msg, "defaults to false")
}

test_false if {
	ds := deny with input as repo({"imageScanningConfiguration": {"scanOnPush": false}})
	some d in ds
	d.path == ["imageScanningConfiguration", "scanOnPush"]
}

test_true_passes if {
	count(deny) == 0 with input as repo({"imageScanningConfiguration": {"scanOnPush": true}})
}

test_string_true_passes if {
	count(deny) == 0 with input as repo({"imageScanningConfiguration": {"scanOnPush": "true"}})
}

test_unknown_passes if {
	count(deny) == 0 with input as repo({"imageScanningConfiguration": {"scanOnPush": "${var.scan}"}})
}

test_registry_wildcard_covers if {
	count(deny) == 0 with input as repo({"repositoryName": "app", "registryScanningConfiguration": registry("*", "CONTINUOUS_SCAN")})
}

test_registry_prefix_covers if {
	count(deny) == 0 with input as repo({"repositoryName": "team/app", "registryScanningConfiguration": registry("team/*", "SCAN_ON_PUSH")})
}

test_registry_other_prefix_does_not_cover if {
	count(deny) == 1 with input as repo({"repositoryName": "other/app", "registryScanningConfiguration": registry("team/*", "SCAN_ON_PUSH")})
}

test_registry_manual_does_not_cover if {
	count(deny) == 1 with input as repo({"repositoryName": "app", "registryScanningConfiguration": registry("*", "MANUAL")})
}

test_registry_unknown_name_covers if {
	count(deny) == 0 with input as repo({"repositoryName": "${var.name}", "registryScanningConfiguration": registry("prod-*", "SCAN_ON_PUSH")})
}

test_other_value_is_quoted if {
	ds := deny with input as repo({"imageScanningConfiguration": {"scanOnPush": "yes"}})
	some d in ds
	contains(d.msg, `scanOnPush is "yes", not true`)
}
