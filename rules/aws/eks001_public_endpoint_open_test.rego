package shipcheck.aws.public_endpoint_open_test

import data.shipcheck.aws.public_endpoint_open.deny

eks(vpc) := {"kind": "aws.eks.cluster", "spec": {"name": "c", "resourcesVpcConfig": vpc}}

test_default_open if {
	ds := deny with input as eks({"subnetIds": ["a"]})
	some d in ds
	d.path == ["resourcesVpcConfig"]
}

test_no_vpc_config if {
	ds := deny with input as {"kind": "aws.eks.cluster", "spec": {"name": "c"}}
	some d in ds
	d.path == []
}

test_explicit_public_no_cidrs if {
	ds := deny with input as eks({"endpointPublicAccess": true})
	some d in ds
	d.path == ["resourcesVpcConfig", "endpointPublicAccess"]
}

test_open_cidr if {
	ds := deny with input as eks({"publicAccessCidrs": ["10.0.0.0/8", "0.0.0.0/0"]})
	some d in ds
	d.path == ["resourcesVpcConfig", "publicAccessCidrs", 1]
}

test_ipv6_open_cidr if {
	count(deny) == 1 with input as eks({"publicAccessCidrs": ["::/0"]})
}

test_restricted_passes if {
	count(deny) == 0 with input as eks({"publicAccessCidrs": ["203.0.113.0/24"]})
}

test_private_passes if {
	count(deny) == 0 with input as eks({"endpointPublicAccess": false, "endpointPrivateAccess": true})
}

test_string_false_passes if {
	count(deny) == 0 with input as eks({"endpointPublicAccess": "false"})
}

test_unknown_cidrs_passes if {
	count(deny) == 0 with input as eks({"publicAccessCidrs": "${var.cidrs}"})
}

test_unknown_public_passes if {
	count(deny) == 0 with input as eks({"endpointPublicAccess": "${var.public}"})
}

test_default_named_only_when_not_written if {
	ds := deny with input as {"kind": "aws.eks.cluster", "spec": {"resourcesVpcConfig": {"subnetIds": ["a"]}}}
	some d in ds
	contains(d.msg, "is on (the default) with no publicAccessCidrs")
	es := deny with input as {"kind": "aws.eks.cluster", "spec": {"resourcesVpcConfig": {"endpointPublicAccess": true}}}
	some e in es
	contains(e.msg, "is on with no publicAccessCidrs")
}
