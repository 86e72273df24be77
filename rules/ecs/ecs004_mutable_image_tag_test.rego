package shipcheck.ecs.mutable_image_tag_test

import data.shipcheck.ecs.mutable_image_tag.deny

task(images) := {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [{"name": sprintf("c%d", [i]), "image": img} | some i, img in images]}}

test_latest_tag if {
	ds := deny with input as task(["nginx:latest"])
	count(ds) == 1
	some d in ds
	d.path == ["containerDefinitions", 0, "image"]
	contains(d.msg, `"latest"`)
}

test_no_tag if {
	ds := deny with input as task(["123456789012.dkr.ecr.us-east-1.amazonaws.com/web"])
	some d in ds
	contains(d.msg, "no tag")
}

test_registry_port_is_not_a_tag if {
	ds := deny with input as task(["localhost:5000/app"])
	count(ds) == 1
	some d in ds
	contains(d.msg, "no tag")
}

test_registry_port_with_tag_passes if {
	count(deny) == 0 with input as task(["localhost:5000/app:1.2.3"])
}

test_digest_passes_even_with_latest if {
	count(deny) == 0 with input as task([
		"nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
		"nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
		"nginx@sha256:abc123",
	])
}

test_version_tags_pass if {
	count(deny) == 0 with input as task(["public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2", "amazon/aws-xray-daemon:3.3.12", "nginx:latest-alpine"])
}

test_templated_tag_is_unknown if {
	count(deny) == 0 with input as task(["${aws_ecr_repository.app.repository_url}:${var.tag}", "web:{{ .Values.tag }}", "web:$TAG"])
}

test_literal_latest_after_templated_host if {
	ds := deny with input as task(["${aws_ecr_repository.app.repository_url}:latest"])
	count(ds) == 1
}

test_every_container_is_checked if {
	ds := deny with input as task(["web:1.0", "amazon/aws-xray-daemon"])
	some d in ds
	d.path == ["containerDefinitions", 1, "image"]
}

test_missing_or_malformed_image_is_ignored if {
	count(deny) == 0 with input as {"kind": "aws.ecs.task-definition", "spec": {"containerDefinitions": [{"name": "a"}, {"name": "b", "image": 7}]}}
}

test_deploy_tool_placeholders_are_not_images if {
	count(deny) == 0 with input as task(["<IMAGE1_NAME>", "IMAGE_PLACEHOLDER", "<IMAGE>"])
}

test_uppercase_registry_host_is_fine if {
	count(deny) == 1 with input as task(["Registry.Example.com/team/app"])
}
