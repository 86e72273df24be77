package kubernetes

import (
	"os"
	"path/filepath"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// A strategic-merge or JSON patch listed in a kustomization is a fragment
// of a manifest, not a manifest: it says "add resources to container web",
// and linting it alone would report every field it leaves out (probes,
// security context) although the base has them. Such files are read as
// fragments, of which only the values they write are judged (fragment.go).
//
// A kustomization's images field (kustomize edit set image, the GitOps
// image updaters) sets the tag or digest that is deployed for an image the
// manifests name without one, so the manifests it includes are read with
// those images applied, as kustomize build would write them.
//
// Only the kustomization beside the file and the one in its parent folder
// are consulted; the rendered output (kustomize build | shipcheck scan
// --type kubernetes -) is what to lint for overlays.

// kustomizations caches the kustomization of each folder.
var kustomizations sync.Map // string -> *kustomization

var kustomizationNames = []string{"kustomization.yaml", "kustomization.yml", "Kustomization"}

// kustomization is what the adapter uses of a kustomization file, with
// paths made absolute.
type kustomization struct {
	patches   map[string]bool // patch files
	resources map[string]bool // files and folders it includes
	images    []imageOverride
	namespace string // the namespace it sets on everything it includes
}

// imageOverride is one entry of a kustomization's images field.
type imageOverride struct {
	Name    string `yaml:"name"`
	NewName string `yaml:"newName"`
	NewTag  string `yaml:"newTag"`
	Digest  string `yaml:"digest"`
}

// kustomizationFile holds the fields of a kustomization file that the
// adapter reads.
type kustomizationFile struct {
	Resources             []string `yaml:"resources"`
	Bases                 []string `yaml:"bases"`
	PatchesStrategicMerge []string `yaml:"patchesStrategicMerge"`
	PatchesJSON6902       []struct {
		Path string `yaml:"path"`
	} `yaml:"patchesJson6902"`
	Patches   []yaml.Node     `yaml:"patches"`
	Images    []imageOverride `yaml:"images"`
	Namespace string          `yaml:"namespace"`
}

// isKustomizePatch reports whether file is listed as a patch by the
// kustomization in its folder or its parent folder.
func isKustomizePatch(file string) bool {
	abs, ok := absFile(file)
	if !ok {
		return false
	}
	dir := filepath.Dir(abs)
	return kustomizationOf(dir).patches[abs] || kustomizationOf(filepath.Dir(dir)).patches[abs]
}

// patchedNearby reports whether a kustomization near file lists it as a
// patch: one in the folders at most overlayReach levels below file's
// overlayReach nearest ancestors, as overlays reach shared patches
// (patches: [{path: ../../patches/app/memory.yaml}]). It walks folders, so
// Load asks it only for a file that reads like a fragment.
func patchedNearby(file string) bool {
	abs, ok := absFile(file)
	if !ok {
		return false
	}
	for _, ancestor := range nearAncestors(filepath.Dir(abs)) {
		for _, k := range kustomizationDirsBelow(ancestor) {
			if kustomizationOf(k).patches[abs] {
				return true
			}
		}
	}
	return false
}

// imageOverrides returns the images entries that apply to file, in the
// order kustomize applies them: its own folder's kustomization, then the
// parent folder's when that one includes the file or its folder.
func imageOverrides(file string) []imageOverride {
	abs, ok := absFile(file)
	if !ok {
		return nil
	}
	dir := filepath.Dir(abs)
	var out []imageOverride
	if k := kustomizationOf(dir); k.resources[abs] {
		out = append(out, k.images...)
	}
	if k := kustomizationOf(filepath.Dir(dir)); k.resources[abs] || k.resources[dir] {
		out = append(out, k.images...)
	}
	return out
}

// setsNamespace reports whether kustomize replaces the namespaces written
// in file: the kustomization that includes it (its folder's, or its
// parent folder's through the file or its folder) sets namespace, or every
// overlay that includes its folder does. kustomize build writes that
// namespace over metadata.namespace, so a namespace: default in the file
// is not where the objects go.
func setsNamespace(file string) bool {
	abs, ok := absFile(file)
	if !ok {
		return false
	}
	dir := filepath.Dir(abs)
	own, parent := kustomizationOf(dir), kustomizationOf(filepath.Dir(dir))
	if own.resources[abs] && movesOut(own) {
		return true
	}
	if (parent.resources[abs] || parent.resources[dir]) && movesOut(parent) {
		return true
	}
	if !own.resources[abs] {
		return false
	}
	overlays := overlaysOf(dir)
	for _, k := range overlays {
		if !movesOut(k) {
			return false
		}
	}
	return len(overlays) > 0
}

// movesOut holds for a kustomization that sets a namespace other than
// default (namespace: default there keeps the objects in default).
func movesOut(k *kustomization) bool {
	return k.namespace != "" && k.namespace != "default"
}

// overlayImages returns, for a file its folder's kustomization includes,
// the images entries of each overlay that includes that folder.
func overlayImages(file string) [][]imageOverride {
	abs, ok := absFile(file)
	if !ok {
		return nil
	}
	dir := filepath.Dir(abs)
	if !kustomizationOf(dir).resources[abs] {
		return nil
	}
	var out [][]imageOverride
	for _, k := range overlaysOf(dir) {
		out = append(out, k.images)
	}
	return out
}

func absFile(file string) (string, bool) {
	if file == "" || file == "-" {
		return "", false
	}
	abs, err := filepath.Abs(file)
	return abs, err == nil
}

func kustomizationOf(dir string) *kustomization {
	if v, ok := kustomizations.Load(dir); ok {
		return v.(*kustomization)
	}
	k := readKustomization(dir)
	kustomizations.Store(dir, k)
	return k
}

func readKustomization(dir string) *kustomization {
	out := &kustomization{patches: map[string]bool{}, resources: map[string]bool{}}
	for _, name := range kustomizationNames {
		data, err := readSibling(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		var f kustomizationFile
		if yaml.Unmarshal(data, &f) != nil {
			return out
		}
		add := func(set map[string]bool, p string) {
			if p != "" && !filepath.IsAbs(p) {
				set[filepath.Join(dir, p)] = true
			}
		}
		for _, p := range append(f.Resources, f.Bases...) {
			add(out.resources, p)
		}
		for _, p := range f.PatchesStrategicMerge {
			add(out.patches, p)
		}
		for _, p := range f.PatchesJSON6902 {
			add(out.patches, p.Path)
		}
		for _, p := range f.Patches {
			add(out.patches, patchPath(&p))
		}
		out.namespace = strings.TrimSpace(f.Namespace)
		for _, img := range f.Images {
			if img.Name != "" && (img.NewName != "" || img.NewTag != "" || img.Digest != "") {
				out.images = append(out.images, img)
			}
		}
		return out
	}
	return out
}

// patchPath reads a patches entry: a file name, or {path: file}.
func patchPath(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	var entry struct {
		Path string `yaml:"path"`
	}
	if n.Decode(&entry) != nil {
		return ""
	}
	return entry.Path
}

// Overlays. A base is usually deployed through overlays in sibling
// folders (overlays/prod/kustomization.yaml with resources: [../../base])
// that set its images. The kustomizations in the folders at most three
// levels below the base's three nearest ancestors (not above the
// repository root) are consulted: the ones that include the base's folder.

const overlayReach = 3

// overlayDirs caches, per folder, the folders below it (up to overlayReach
// levels) that hold a kustomization.
var overlayDirs sync.Map // string -> []string

// overlaysOf returns the kustomizations other than its own and its
// parent's that include dir through resources or bases.
func overlaysOf(dir string) []*kustomization {
	seen := map[string]bool{dir: true, filepath.Dir(dir): true}
	var out []*kustomization
	for _, ancestor := range nearAncestors(dir) {
		for _, k := range kustomizationDirsBelow(ancestor) {
			if seen[k] {
				continue
			}
			seen[k] = true
			if kz := kustomizationOf(k); kz.resources[dir] {
				out = append(out, kz)
			}
		}
	}
	return out
}

// nearAncestors returns the overlayReach folders above dir, nearest first,
// stopping at the repository root or the file system's.
func nearAncestors(dir string) []string {
	var out []string
	for range overlayReach {
		if isRepoRoot(dir) {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
		out = append(out, dir)
	}
	return out
}

func kustomizationDirsBelow(root string) []string {
	if v, ok := overlayDirs.Load(root); ok {
		return v.([]string)
	}
	var out []string
	var walk func(dir string, depth int)
	walk = func(dir string, depth int) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			name := e.Name()
			switch {
			case !e.IsDir():
				if isKustomizationName(name) {
					out = append(out, dir)
				}
			case depth < overlayReach && !skippedDir(name):
				walk(filepath.Join(dir, name), depth+1)
			}
		}
	}
	walk(root, 0)
	overlayDirs.Store(root, out)
	return out
}

func isKustomizationName(name string) bool {
	for _, n := range kustomizationNames {
		if name == n {
			return true
		}
	}
	return false
}

func skippedDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor"
}
