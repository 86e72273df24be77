package shipcheck.ecs.root_user_test

import data.shipcheck.ecs.root_user.deny

task(c) := {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [c]}}

user(u) := task({"name": "web", "image": "web:1.0", "user": u})

test_root_users_are_high if {
	every u in ["0", "root", "0:0", "root:staff", "root:0", " 0 "] {
		ds := deny with input as user(u)
		count(ds) == 1
		some d in ds
		d.path == ["containerDefinitions", 0, "user"]
		object.get(d, "severity", "high") == "high"
	}
}

test_unprivileged_users_pass if {
	every u in ["1000", "1000:0", "app", "nobody:root", "10001:10001", "${var.run_as}"] {
		count(deny) == 0 with input as user(u)
	}
}

test_absent_user_is_medium if {
	ds := deny with input as task({"name": "web", "image": "web:1.0"})
	count(ds) == 1
	some d in ds
	d.severity == "medium"
	d.path == ["containerDefinitions", 0]
	contains(d.msg, "runs as the image's default user, root unless the image sets USER")
}

test_blank_or_wrong_type_is_absent if {
	every u in ["", 0, 1000] {
		ds := deny with input as user(u)
		some d in ds
		d.severity == "medium"
		d.path == ["containerDefinitions", 0]
	}
}

test_windows_is_skipped if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {
		"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"},
		"containerDefinitions": [{"name": "iis"}, {"name": "x", "user": "root"}],
	}}
}
