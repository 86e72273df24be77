package kubernetes

import (
	"os"
	"path/filepath"
	"sync"

	"gopkg.in/yaml.v3"
)

// A strategic-merge or JSON patch listed in a kustomization is a fragment
// of a manifest, not a manifest: it says "add resources to container web",
// and linting it alone would report every field it leaves out (probes,
// security context) although the base has them. Such files are skipped.
// Only the kustomization beside the file and the one in its parent folder
// are consulted; the rendered output (kustomize build | shipcheck scan
// --type kubernetes -) is what to lint for overlays.

// kustomizations caches, per folder, the absolute paths of the patch files
// its kustomization lists.
var kustomizations sync.Map // string -> map[string]bool

var kustomizationNames = []string{"kustomization.yaml", "kustomization.yml", "Kustomization"}

// isKustomizePatch reports whether file is listed as a patch by the
// kustomization in its folder or its parent folder.
func isKustomizePatch(file string) bool {
	if file == "" || file == "-" {
		return false
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return false
	}
	dir := filepath.Dir(abs)
	return patchesOf(dir)[abs] || patchesOf(filepath.Dir(dir))[abs]
}

func patchesOf(dir string) map[string]bool {
	if v, ok := kustomizations.Load(dir); ok {
		return v.(map[string]bool)
	}
	patches := readPatches(dir)
	kustomizations.Store(dir, patches)
	return patches
}

// kustomization holds the fields of a kustomization that name patch files.
type kustomization struct {
	PatchesStrategicMerge []string `yaml:"patchesStrategicMerge"`
	PatchesJSON6902       []struct {
		Path string `yaml:"path"`
	} `yaml:"patchesJson6902"`
	Patches []yaml.Node `yaml:"patches"`
}

func readPatches(dir string) map[string]bool {
	out := map[string]bool{}
	for _, name := range kustomizationNames {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		var k kustomization
		if yaml.Unmarshal(data, &k) != nil {
			return out
		}
		add := func(p string) {
			if p != "" && !filepath.IsAbs(p) {
				out[filepath.Join(dir, p)] = true
			}
		}
		for _, p := range k.PatchesStrategicMerge {
			add(p)
		}
		for _, p := range k.PatchesJSON6902 {
			add(p.Path)
		}
		for _, p := range k.Patches {
			add(patchPath(&p))
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
