package terraform

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
)

// manifest maps module keys ("app", "app.vpc") to the directories where
// terraform init installed them, as recorded in
// .terraform/modules/modules.json of the root module.
type manifest map[string]string

// readManifest reads the module manifest of the root module in dir; it is
// empty when the configuration was never initialised.
func readManifest(dir string) manifest {
	data, err := readLimited(filepath.Join(dir, ".terraform", "modules", "modules.json"))
	if err != nil {
		return nil
	}
	var doc struct {
		Modules []struct {
			Key string `json:"Key"`
			Dir string `json:"Dir"`
		} `json:"Modules"`
	}
	if json.Unmarshal(data, &doc) != nil {
		return nil
	}
	m := manifest{}
	for _, e := range doc.Modules {
		if e.Key == "" || e.Dir == "" || filepath.IsAbs(e.Dir) || strings.HasPrefix(filepath.Clean(e.Dir), "..") {
			continue
		}
		m[e.Key] = filepath.Join(dir, e.Dir)
	}
	return m
}

// instanceKey matches the instance key of a for_each module address.
var instanceKey = regexp.MustCompile(`\["(?:[^"\\]|\\.)*"\]`)

// moduleKey turns a module address prefix and a call name into the
// manifest's key: "module.app." and "vpc" give "app.vpc"; instance keys
// are not part of it ("module.app[\"a\"]." gives "app.vpc" too).
func moduleKey(prefix, name string) string {
	prefix = instanceKey.ReplaceAllString(prefix, "")
	parts := strings.Split(strings.TrimSuffix(prefix, "."), ".")
	var key []string
	for i := 1; i < len(parts); i += 2 {
		key = append(key, parts[i])
	}
	return strings.Join(append(key, name), ".")
}

// LocalModules returns the directories of the local modules ("./x",
// "../x") that the given files of the module in dir call (nil files: all),
// directly or through other local modules. LoadModule reports their
// resources (as module.<name>.<address>, with the arguments passed) and
// their parse errors, so a scan that loads dir can skip these directories
// as root modules of their own.
func LocalModules(dir string, files []string) []string {
	seen := map[string]bool{}
	var out []string
	var walk func(string, func(string) bool, int)
	walk = func(d string, selected func(string) bool, depth int) {
		m, err := parseModule(d)
		if err != nil || depth > maxModuleDepth {
			return
		}
		ctx := m.evalContext(nil)
		for _, c := range m.calls {
			if !selected(c.file) {
				continue
			}
			src, _ := moduleArgs(m, ctx, c)
			if !isLocalSource(src) {
				continue
			}
			child := filepath.Clean(filepath.Join(d, src))
			if seen[child] {
				continue
			}
			seen[child] = true
			out = append(out, child)
			walk(child, selection(nil), depth+1)
		}
	}
	walk(dir, selection(files), 0)
	return out
}

func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../")
}
