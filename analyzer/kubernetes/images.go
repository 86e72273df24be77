package kubernetes

import (
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/imageref"
	"github.com/shipcheck/shipcheck/analyzer/resource"
)

// applyImages rewrites the container images of rs as the kustomization
// images entries that apply to file set them (see kustomize.go), and marks
// the images Skaffold builds as set at deploy time (skaffold.go), so that a
// base written "image: api" with "images: [{name: api, newTag: 1.4.2}]"
// beside it is judged as the api:1.4.2 that is deployed. Positions stay
// those of the image as written.
func applyImages(file string, rs []*resource.Resource) {
	d := deployTools{overrides: imageOverrides(file), overlays: overlayImages(file), artifacts: skaffoldArtifacts(file)}
	if len(d.overrides) == 0 && len(d.overlays) == 0 && len(d.artifacts) == 0 {
		return
	}
	for _, r := range rs {
		obj, _ := r.Spec.(map[string]any)
		_, pod := podSpec(obj)
		for _, field := range []string{"containers", "initContainers", "ephemeralContainers"} {
			list, _ := pod[field].([]any)
			for _, item := range list {
				c, _ := item.(map[string]any)
				if img, ok := c["image"].(string); ok {
					c["image"] = d.image(img)
				}
			}
		}
	}
}

// deployTools holds what the deploy tools change in a file's images.
type deployTools struct {
	overrides []imageOverride   // the file's own kustomization and its parent's
	overlays  [][]imageOverride // each overlay that includes the file's folder
	artifacts map[string]bool   // images Skaffold builds
}

// image is img as the deploy tools write it: with the kustomize overrides
// applied, then the overlays' when every overlay sets it (an overlay that
// leaves it alone deploys it as written), and with an unknown tag when
// Skaffold builds it.
func (d deployTools) image(img string) string {
	img = kustomizeImage(img, d.overrides)
	img = d.overlaid(img)
	if name, _ := splitImage(img); d.artifacts[name] {
		return name + ":" + skaffoldTag
	}
	return img
}

// overlaid returns img as the overlays set it, preferring a mutable result
// when they differ, or img when an overlay leaves it as it is.
func (d deployTools) overlaid(img string) string {
	chosen := ""
	for _, o := range d.overlays {
		out := kustomizeImage(img, o)
		if out == img {
			return img
		}
		if mutable, _ := imageref.Parse(out).Mutable(); chosen == "" || mutable {
			chosen = out
		}
	}
	if chosen == "" {
		return img
	}
	return chosen
}

// kustomizeImage applies the overrides in order, as kustomize's image
// transformer does: an entry matches the image's name (without tag or
// digest) exactly, and sets its name, tag or digest.
func kustomizeImage(img string, overrides []imageOverride) string {
	for _, o := range overrides {
		name, suffix := splitImage(img)
		if name != o.Name {
			continue
		}
		if o.NewName != "" {
			name = o.NewName
		}
		switch {
		case o.Digest != "":
			img = name + "@" + o.Digest
		case o.NewTag != "":
			img = name + ":" + o.NewTag + digestOf(suffix)
		default:
			img = name + suffix
		}
	}
	return img
}

// splitImage splits an image reference into its name and the tag and
// digest written after it (":1.2", "@sha256:...", ":1.2@sha256:...").
func splitImage(img string) (name, suffix string) {
	base := img
	if i := strings.IndexByte(img, '@'); i >= 0 {
		base = img[:i]
	}
	if i := strings.LastIndexByte(base, ':'); i > strings.LastIndexByte(base, '/') {
		base = base[:i]
	}
	return base, img[len(base):]
}

// digestOf returns the "@algorithm:hex" part of a tag-and-digest suffix,
// which a new tag does not remove.
func digestOf(suffix string) string {
	if i := strings.IndexByte(suffix, '@'); i >= 0 {
		return suffix[i:]
	}
	return ""
}
