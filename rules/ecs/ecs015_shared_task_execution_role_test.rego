package shipcheck.ecs.shared_task_execution_role_test

import data.shipcheck.ecs.shared_task_execution_role.deny

task(t, e) := {"kind": "aws.ecs.task-definition", "spec": {"taskRoleArn": t, "executionRoleArn": e, "containerDefinitions": []}}

test_same_arn if {
	ds := deny with input as task("arn:aws:iam::123456789012:role/app", "arn:aws:iam::123456789012:role/app")
	count(ds) == 1
	some d in ds
	d.path == ["taskRoleArn"]
}

test_name_and_arn if {
	count(deny) == 1 with input as task("app", "arn:aws:iam::123456789012:role/service/app")
}

test_same_reference if {
	count(deny) == 1 with input as task("${aws_iam_role.ecs.arn}", "${aws_iam_role.ecs.arn}")
}

test_different_roles_pass if {
	count(deny) == 0 with input as task("arn:aws:iam::123456789012:role/app-task", "arn:aws:iam::123456789012:role/app-exec")
}

test_different_references_pass if {
	count(deny) == 0 with input as task("${aws_iam_role.task.arn}", "${aws_iam_role.exec.arn}")
}

test_missing_role_passes if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {"executionRoleArn": "arn:aws:iam::1:role/a"}}
}
