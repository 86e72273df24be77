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
#   deploy time and is not judged.
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

deny contains {"msg": msg, "path": array.concat(x.path, ["image"])} if {
	some x in k8s.containers
	image := x.container.image
	is_string(image)
	images.plausible(image)
	ref := shipcheck.image.parse(image)
	ref.mutable
	not ref.unknown
	msg := sprintf("%s: image %q %s; pin a version tag or a digest (@sha256:...)", [k8s.label(x), image, problem(ref)])
}

problem(ref) := "has no tag, so it means :latest and can change with every push" if ref.tag == ""

problem(ref) := sprintf("uses the %q tag, which can change with every push", [ref.tag]) if ref.tag != ""
