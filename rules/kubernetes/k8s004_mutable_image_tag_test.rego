package shipcheck.kubernetes.mutable_image_tag_test

import data.shipcheck.kubernetes.mutable_image_tag.deny

pod(image) := {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"containers": [{"name": "app", "image": image}]}}}

test_latest if {
	ds := deny with input as pod("nginx:latest")
	some d in ds
	d.path == ["spec", "containers", 0, "image"]
}

test_untagged if count(deny) == 1 with input as pod("nginx")

test_registry_port_is_not_a_tag if count(deny) == 1 with input as pod("localhost:5000/app")

test_registry_port_with_tag if count(deny) == 0 with input as pod("localhost:5000/app:1.2")

test_digest_passes if {
	count(deny) == 0 with input as pod("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
	count(deny) == 0 with input as pod("nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
}

test_version_passes if count(deny) == 0 with input as pod("ghcr.io/org/app:1.4.2")

test_template_tag_is_unknown if count(deny) == 0 with input as pod("app:{{ .Values.tag }}")

test_placeholder_is_not_an_image if count(deny) == 0 with input as pod("<IMAGE>")

test_init_container if {
	ds := deny with input as {"kind": "kubernetes", "spec": {"kind": "Pod", "spec": {"initContainers": [{"name": "i", "image": "busybox"}]}}}
	some d in ds
	contains(d.msg, `init container "i"`)
}

test_literal_tag_after_placeholder_host if {
	count(deny) == 1 with input as pod("<acr_login_server>/persist-sync:latest")
	count(deny) == 1 with input as pod("%REGISTRY%/app:latest")
	count(deny) == 1 with input as pod("#{Registry}/app")
	count(deny) == 1 with input as pod("ACCOUNT_ID.dkr.ecr.REGION.amazonaws.com/app:latest")
	count(deny) == 0 with input as pod("<REGISTRY>/graph-os-unified:<tag>")
}

dc(triggers) := {"kind": "kubernetes", "spec": {
	"apiVersion": "apps.openshift.io/v1", "kind": "DeploymentConfig",
	"spec": {"triggers": triggers, "template": {"spec": {"containers": [{"name": "web", "image": "web:latest"}]}}},
}}

image_change(automatic, names) := {"type": "ImageChange", "imageChangeParams": {"automatic": automatic, "containerNames": names, "from": {"kind": "ImageStreamTag", "name": "web:latest"}}}

test_image_change_trigger_sets_the_image if {
	count(deny) == 0 with input as dc([{"type": "ConfigChange"}, image_change(true, ["web"])])
	count(deny) == 1 with input as dc([image_change(true, ["other"])])
	count(deny) == 1 with input as dc([image_change(false, ["web"])])
	count(deny) == 1 with input as dc([{"type": "ConfigChange"}])
}

annotated(triggers) := {"kind": "kubernetes", "spec": {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": "web", "annotations": {"image.openshift.io/triggers": triggers}},
	"spec": {"template": {"spec": {"containers": [{"name": "web", "image": "web:latest"}]}}},
}}

test_image_trigger_annotation if {
	count(deny) == 0 with input as annotated(`[{"from":{"kind":"ImageStreamTag","name":"web:latest"},"fieldPath":"spec.template.spec.containers[?(@.name==\"web\")].image"}]`)
	count(deny) == 1 with input as annotated(`[{"from":{"kind":"ImageStreamTag","name":"web:latest"},"fieldPath":"spec.template.spec.containers[?(@.name==\"web\")].image","paused":true}]`)
	count(deny) == 1 with input as annotated(`[{"from":{"kind":"ImageStreamTag","name":"web:latest"},"fieldPath":"spec.template.spec.initContainers[?(@.name==\"web\")].image"}]`)
	count(deny) == 1 with input as annotated(`not json`)
}

test_cloud_run_job_task_template if {
	ds := deny with input as {"kind": "kubernetes", "spec": {
		"apiVersion": "run.googleapis.com/v1", "kind": "Job", "metadata": {"name": "export"},
		"spec": {"template": {"spec": {"taskCount": 1, "template": {"spec": {"containers": [{"image": "exporter:latest"}]}}}}},
	}}
	some d in ds
	d.path == ["spec", "template", "spec", "template", "spec", "containers", 0, "image"]
}
