# METADATA
# title: Container image tag can change
# description: |
#   An image referenced as :latest, or with no tag at all (which means
#   :latest), names whatever was pushed last. Nodes pull it again when a pod
#   is rescheduled (imagePullPolicy defaults to Always for :latest), so
#   replicas of one Deployment can run different builds, a rollback with
#   kubectl rollout undo restores the same mutable tag rather than the old
#   code, and nobody can tell from the manifest what is running. A digest
#   always pins the image, even beside a tag; registry ports
#   (localhost:5000/app) are not tags, and tags that are still templates are
#   not judged. Every container is checked, init and ephemeral ones too.
#   The images field of the kustomization beside the manifest (or in its
#   parent folder, when that one includes it) is applied first, as kustomize
#   build does: "image: api" with "images: [{name: api, newTag: 2.7.1}]"
#   is api:2.7.1. For a kustomize base, the overlays near it that include
#   it (overlays/prod with resources: [../../base]) count when every one of
#   them sets the image. An image a skaffold.yaml of the manifest's folder or its
#   parents builds (build.artifacts[].image) gets its tag from Skaffold at
#   deploy time and is not judged, nor is one OpenShift sets from an image
#   stream (a DeploymentConfig ImageChange trigger with automatic: true
#   naming the container, or an image.openshift.io/triggers annotation).
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/containers/images/#image-names
#   - ref: https://kubernetes.io/docs/concepts/configuration/overview/#container-images
# custom:
#   id: K8S004
#   name: mutable-image-tag
#   severity: medium
#   kinds: [kubernetes]
#   tags: [reliability, supply-chain, kubernetes]
#   remediation: |
#     Reference a version tag or, better, a digest.
#
#     YAML:
#       image: registry.example.com/web:1.4.2
#       image: registry.example.com/web@sha256:<digest>
#
#     JSON:
#       "image": "registry.example.com/web:1.4.2"
package shipcheck.kubernetes.mutable_image_tag

import data.shipcheck.lib.images
import data.shipcheck.lib.k8s
import data.shipcheck.lib.values

deny contains {"msg": msg, "path": array.concat(x.path, ["image"])} if {
	some x in k8s.containers
	image := x.container.image
	is_string(image)
	ref := shipcheck.image.parse(image)
	ref.mutable
	not ref.unknown
	images.plausible(image) # after the cheaper tests: two regexes
	not triggered(x)
	msg := sprintf("%s: image %q %s; pin a version tag or a digest (@sha256:...)", [k8s.label(x), image, problem(ref)])
}

problem(ref) := "has no tag, so it means :latest and can change with every push" if ref.tag == ""

problem(ref) := sprintf("uses the %q tag, which can change with every push", [ref.tag]) if ref.tag != ""

# triggered holds for a container whose image OpenShift sets from an image
# stream tag when it deploys, resolved to a digest: one named by an
# automatic ImageChange trigger of a DeploymentConfig, or selected by the
# fieldPath of an image.openshift.io/triggers annotation that is not
# paused. The image written in the manifest is then only a placeholder.
triggered(x) if {
	k8s.kind == "DeploymentConfig"
	some t in values.array_or_empty(object.get(k8s.spec, ["spec", "triggers"], null))
	object.get(t, "type", "") == "ImageChange"
	params := values.object_or_empty(object.get(t, "imageChangeParams", null))
	values.is_true(object.get(params, "automatic", false))
	x.container.name in values.array_or_empty(object.get(params, "containerNames", null))
}

triggered(x) if {
	raw := object.get(k8s.spec, ["metadata", "annotations", "image.openshift.io/triggers"], null)
	is_string(raw)
	json.is_valid(raw)
	some t in values.array_or_empty(json.unmarshal(raw))
	is_object(t)
	not values.is_true(object.get(t, "paused", false))
	is_string(t.fieldPath)
	regex.match(field_path(x), t.fieldPath)
}

# field_path matches a fieldPath that selects the container's image by
# name: spec.template.spec.containers[?(@.name=="web")].image.
field_path(x) := sprintf(`(^|\.)%s\[\?\(@\.name==["']%s["']\)\]\.image$`, [x.type, regex_quote(x.container.name)]) if is_string(x.container.name)

regex_quote(s) := regex.replace(s, `([\\.^$|?*+()\[\]{}])`, `\$1`)

