package shipcheck.aws.exec_logging_test

import data.shipcheck.aws.exec_logging.deny

cluster(exec) := {"kind": "aws.ecs.cluster", "spec": {"configuration": {"executeCommandConfiguration": exec}}}

test_none if {
	ds := deny with input as cluster({"logging": "NONE"})
	some d in ds
	d.path == ["configuration", "executeCommandConfiguration", "logging"]
}

test_default_passes if {
	count(deny) == 0 with input as cluster({"logging": "DEFAULT"})
}

test_absent_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecs.cluster", "spec": {}}
}

test_override_unencrypted if {
	count(deny) == 1 with input as cluster({"logging": "OVERRIDE", "logConfiguration": {"cloudWatchLogGroupName": "x"}})
}

test_override_with_kms_passes if {
	count(deny) == 0 with input as cluster({"logging": "OVERRIDE", "kmsKeyId": "arn:aws:kms:us-east-1:1:key/x"})
}

test_override_with_encrypted_s3_string_true_passes if {
	count(deny) == 0 with input as cluster({"logging": "OVERRIDE", "logConfiguration": {"s3EncryptionEnabled": "true"}})
}

test_override_unknown_kms_passes if {
	count(deny) == 0 with input as cluster({"logging": "OVERRIDE", "kmsKeyId": "${aws_kms_key.x.arn}"})
}

test_unknown_logging_passes if {
	count(deny) == 0 with input as cluster({"logging": "${var.logging}"})
}
