package kubernetes

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Skaffold builds the images its configuration names (build.artifacts[].
// image) and, when it deploys, replaces every manifest image of that name
// with the tag and digest it just built: "image: frontend" in a manifest
// beside a skaffold.yaml that builds "frontend" is not a mutable image but
// one chosen at deploy time, so the adapter reads it as unknown
// (frontend:${SKAFFOLD_TAG}). The skaffold.yaml files of the manifest's
// folder and its parents, up to the repository root, are consulted.

// skaffoldTag stands for the tag Skaffold sets; a template in the tag
// position makes the image unknown to the image rules.
const skaffoldTag = "${SKAFFOLD_TAG}"

// skaffoldConfigs caches the artifact images of each folder's skaffold.yaml.
var skaffoldConfigs sync.Map // string -> map[string]bool

// skaffoldArtifacts returns the image names built by the Skaffold
// configurations that cover file.
func skaffoldArtifacts(file string) map[string]bool {
	abs, ok := absFile(file)
	if !ok {
		return nil
	}
	out := map[string]bool{}
	for dir := filepath.Dir(abs); ; {
		for name := range skaffoldImagesOf(dir) {
			out[name] = true
		}
		parent := filepath.Dir(dir)
		if parent == dir || isRepoRoot(dir) {
			return out
		}
		dir = parent
	}
}

// isRepoRoot reports whether dir holds .git. The answer is cached: every
// manifest's folder walk asks it for the same ancestors.
func isRepoRoot(dir string) bool {
	if v, ok := repoRoots.Load(dir); ok {
		return v.(bool)
	}
	_, err := os.Stat(filepath.Join(dir, ".git"))
	repoRoots.Store(dir, err == nil)
	return err == nil
}

var repoRoots sync.Map // string -> bool

func skaffoldImagesOf(dir string) map[string]bool {
	if v, ok := skaffoldConfigs.Load(dir); ok {
		return v.(map[string]bool)
	}
	images := map[string]bool{}
	for _, name := range []string{"skaffold.yaml", "skaffold.yml"} {
		if data, err := readSibling(filepath.Join(dir, name)); err == nil {
			readSkaffold(data, images)
			break
		}
	}
	skaffoldConfigs.Store(dir, images)
	return images
}

// skaffoldConfig holds the fields of a Skaffold configuration that name
// the images it builds.
type skaffoldConfig struct {
	APIVersion string        `yaml:"apiVersion"`
	Build      skaffoldBuild `yaml:"build"`
	Profiles   []struct {
		Build skaffoldBuild `yaml:"build"`
	} `yaml:"profiles"`
}

type skaffoldBuild struct {
	Artifacts []struct {
		Image string `yaml:"image"`
	} `yaml:"artifacts"`
}

// readSkaffold adds the artifact images of every document of a
// skaffold.yaml (a file may hold several configurations) to images.
func readSkaffold(data []byte, images map[string]bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var c skaffoldConfig
		if err := dec.Decode(&c); err != nil {
			return
		}
		if !strings.HasPrefix(c.APIVersion, "skaffold/") {
			continue
		}
		builds := []skaffoldBuild{c.Build}
		for _, p := range c.Profiles {
			builds = append(builds, p.Build)
		}
		for _, b := range builds {
			for _, a := range b.Artifacts {
				if a.Image != "" {
					images[a.Image] = true
				}
			}
		}
	}
}
