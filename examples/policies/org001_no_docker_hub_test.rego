package org.no_docker_hub_test

import data.org.no_docker_hub

task(image) := {"kind": "aws.ecs.task-definition", "meta": {"name": "app"}, "spec": {
	"family": "app",
	"containerDefinitions": [{"name": "app", "image": image}],
}}

test_official_image_short_name if {
	ds := no_docker_hub.deny with input as task("nginx:1.27")
	some d in ds
	d.path == ["containerDefinitions", 0, "image"]
}

test_docker_io_prefix if {
	ds := no_docker_hub.deny with input as task("docker.io/bitnami/redis:7.2")
	count(ds) == 1
}

test_ecr_is_fine if {
	ds := no_docker_hub.deny with input as task("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0")
	count(ds) == 0
}

test_other_registry_is_fine if {
	ds := no_docker_hub.deny with input as task("public.ecr.aws/nginx/nginx:1.27")
	count(ds) == 0
}

test_templated_image_is_not_judged if {
	ds := no_docker_hub.deny with input as task("${var.image}")
	count(ds) == 0
}

test_kubernetes_deployment if {
	ds := no_docker_hub.deny with input as {"kind": "kubernetes", "meta": {"name": "Deployment/web"}, "spec": {
		"kind": "Deployment",
		"spec": {"template": {"spec": {
			"initContainers": [{"name": "init", "image": "ghcr.io/acme/init:1"}],
			"containers": [{"name": "web", "image": "redis"}],
		}}},
	}}
	count(ds) == 1
	some d in ds
	d.path == ["spec", "template", "spec", "containers", 0, "image"]
}
