package shipcheck.aws.control_plane_logging_test

import data.shipcheck.aws.control_plane_logging.deny

eks(types) := {"kind": "aws.eks.cluster", "spec": {"logging": {"clusterLogging": [{"types": types, "enabled": true}]}}}

test_absent if {
	ds := deny with input as {"kind": "aws.eks.cluster", "spec": {"name": "c"}}
	some d in ds
	d.path == []
	contains(d.msg, "audit and authenticator")
}

test_missing_authenticator if {
	ds := deny with input as eks(["api", "audit"])
	some d in ds
	d.path == ["logging"]
	contains(d.msg, "does not include authenticator:")
}

test_complete_passes if {
	count(deny) == 0 with input as eks(["api", "audit", "authenticator"])
}

test_disabled_entry if {
	count(deny) == 1 with input as {"kind": "aws.eks.cluster", "spec": {"logging": {"clusterLogging": [{"types": ["audit", "authenticator"], "enabled": false}]}}}
}

test_unknown_types_passes if {
	count(deny) == 0 with input as eks("${var.log_types}")
}

test_misspelled_type_is_named if {
	ds := deny with input as eks(["api", "audit", "authentication", "controlManager"])
	some d in ds
	contains(d.msg, "does not include authenticator (\"authentication\", \"controlManager\" are not log types;")
}

test_one_misspelled_type if {
	ds := deny with input as eks(["audit", "authentication"])
	some d in ds
	contains(d.msg, "(\"authentication\" is not a log type;")
}
