# METADATA
# title: Image pulled from Docker Hub
# description: |
#   Images must come from the company's registry (here: Amazon ECR), not
#   from Docker Hub. Docker Hub limits anonymous and free pulls, so a
#   scale-out or a node replacement during an incident can fail with
#   "toomanyrequests"; and an image there can be replaced or removed by its
#   publisher at any time, outside the company's vulnerability scanning.
#
#   This is an example of a custom rule. It follows the same METADATA
#   contract as shipcheck's built-in rules, so `shipcheck rules --policy
#   examples/policies` lists it, every output format reports it, and
#   `shipcheck test examples/policies` runs its Rego tests and fixtures.
#   Edit `allowed_hint` and the registry test to fit your organisation.
# related_resources:
#   - ref: https://docs.docker.com/docker-hub/usage/
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html
# custom:
#   id: ORG001
#   name: no-docker-hub
#   severity: medium
#   kinds: [aws.ecs.task-definition, kubernetes, dockerfile]
#   tags: [supply-chain, reliability]
#   remediation: |
#     Mirror the image into ECR (an ECR pull-through cache rule does it
#     automatically) and reference the mirror:
#
#     ECS JSON:
#       "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/docker-hub/library/nginx:1.27"
#
#     Terraform (inside container_definitions):
#       image = "${local.ecr}/docker-hub/library/nginx:1.27"
#
#     Kubernetes:
#       image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/docker-hub/library/nginx:1.27
#
#     Dockerfile:
#       FROM 123456789012.dkr.ecr.eu-west-1.amazonaws.com/docker-hub/library/node:22-alpine
package org.no_docker_hub

import data.shipcheck.lib.dockerfile as df
import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

allowed_hint := "your ECR registry (an ECR pull-through cache mirrors Docker Hub)"

# docker_hub holds for an image reference that resolves to Docker Hub;
# "nginx" and "library/nginx" do. Templated references are not judged.
docker_hub(image) if {
	values.nonempty_string(image)
	not values.unknown(image)
	shipcheck.image.parse(image).registry == "docker.io"
}

deny contains {"msg": msg, "path": ["containerDefinitions", i, "image"]} if {
	input.kind == "aws.ecs.task-definition"
	some i, c in ecs.containers
	docker_hub(object.get(c, "image", null))
	msg := sprintf("%s pulls %q from Docker Hub; use %s", [ecs.label(c, i), c.image, allowed_hint])
}

# Kubernetes: every container of every pod template, whatever the
# workload kind (Pod, Deployment, CronJob, ...).
deny contains {"msg": msg, "path": array.concat(path, ["image"])} if {
	input.kind == "kubernetes"
	walk(input.spec, [path, c])
	count(path) >= 2
	path[count(path) - 2] in {"containers", "initContainers", "ephemeralContainers"}
	is_number(path[count(path) - 1])
	docker_hub(object.get(c, "image", null))
	msg := sprintf("container %q pulls %q from Docker Hub; use %s", [object.get(c, "name", "?"), c.image, allowed_hint])
}

deny contains {"msg": msg, "path": ["stages", s]} if {
	input.kind == "dockerfile"
	some s, st in df.stages
	st.from.stage == null
	not st.from.scratch
	docker_hub(st.from.image)
	msg := sprintf("%s: base image %q comes from Docker Hub; use %s", [df.stage_label(st), st.from.image, allowed_hint])
}
