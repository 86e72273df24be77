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

test_windows_image_without_runtime_platform_is_skipped if {
	count(deny) == 0 with input as task({"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"})
	count(deny) == 0 with input as task({"name": "app", "image": "mcr.microsoft.com/dotnet/framework/aspnet:4.8"})
	count(deny) == 0 with input as task({"name": "fb", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:windowsservercore-stable"})
}

test_linux_images_are_not_windows if {
	count(deny) == 1 with input as task({"name": "app", "image": "mcr.microsoft.com/dotnet/aspnet:8.0"})
	count(deny) == 1 with input as task({"name": "app", "image": "example.com/windows-tools/app:1.0"})
}

test_windows_tags_mark_windows if {
	count(deny) == 0 with input as task({"name": "ps", "image": "mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022"})
	count(deny) == 1 with input as task({"name": "api", "image": "myorg/servercore-api:1.0"})
	count(deny) == 1 with input as task({"name": "api", "image": "localhost:5000/nanoserver-tools"})
}
