package shipcheck.aws.not_kms_encrypted_test

import data.shipcheck.aws.not_kms_encrypted.deny

repo(spec) := {"kind": "aws.ecr.repository", "spec": spec}

test_absent if {
	ds := deny with input as repo({"repositoryName": "app"})
	some d in ds
	d.path == []
}

test_aes256 if {
	ds := deny with input as repo({"encryptionConfiguration": {"encryptionType": "AES256"}})
	some d in ds
	d.path == ["encryptionConfiguration", "encryptionType"]
}

test_kms_passes if {
	count(deny) == 0 with input as repo({"encryptionConfiguration": {"encryptionType": "KMS"}})
}

test_kms_dsse_passes if {
	count(deny) == 0 with input as repo({"encryptionConfiguration": {"encryptionType": "KMS_DSSE"}})
}

test_unknown_passes if {
	count(deny) == 0 with input as repo({"encryptionConfiguration": {"encryptionType": "${var.enc}"}})
}
