package shipcheck.aws.secrets_not_cmk_encrypted_test

import data.shipcheck.aws.secrets_not_cmk_encrypted.deny

eks(spec) := {"kind": "aws.eks.cluster", "spec": spec}

test_absent if {
	ds := deny with input as eks({"name": "c"})
	some d in ds
	d.path == []
}

test_encrypted_passes if {
	count(deny) == 0 with input as eks({"encryptionConfig": [{"resources": ["secrets"], "provider": {"keyArn": "arn:aws:kms:us-east-1:1:key/x"}}]})
}

test_unknown_key_passes if {
	count(deny) == 0 with input as eks({"encryptionConfig": [{"resources": ["secrets"], "provider": {"keyArn": "${aws_kms_key.eks.arn}"}}]})
}

test_no_key if {
	ds := deny with input as eks({"encryptionConfig": [{"resources": ["secrets"], "provider": {}}]})
	some d in ds
	d.path == ["encryptionConfig"]
}

test_unknown_config_passes if {
	count(deny) == 0 with input as eks({"encryptionConfig": "${var.encryption}"})
}
