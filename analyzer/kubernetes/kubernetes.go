// Package kubernetes reads Kubernetes manifests (YAML or JSON) into
// canonical "kubernetes" resources, one per object.
//
// A file is a stream of documents separated by "---"; documents that hold
// only comments are skipped, a List (kind List, or any *List kind with
// items, as kubectl get -o yaml prints) yields one resource per item, and
// an OpenShift Template one per object (its ${PARAMETERS} stay unknown). A
// document is a manifest when its top level has apiVersion and kind;
// anything else written in YAML (CI configurations, docker-compose files,
// Helm values, Ansible playbooks, OpenAPI documents, Chart.yaml,
// kustomization.yaml without kind) is skipped silently, so scanning a whole
// repository only reports on manifests. Configuration objects that do have
// apiVersion and kind (kind: Kustomization, kind's Cluster) become
// resources like any other; no rule applies to them. Patches listed in a kustomization.yaml beside the
// file (or in its parent folder, or in an overlay nearby) are fragments,
// not manifests: only the values they write are judged (fragment.go), and
// the images that kustomize (that kustomization, or the
// overlays near a base) and Skaffold set at deploy time are applied to the
// manifests they include (images.go). A file that does not parse is an error only when
// it looks like a manifest (Looks). Unrendered Helm templates are not
// parsed at all: Load returns a *HelmTemplateError (errors.Is
// ErrHelmTemplate) for them, and a *TemplateError (ErrTemplate) for a
// manifest template outside a chart that YAML cannot read.
//
// The spec of a resource is the object as written, with numbers as
// json.Number and YAML 1.1 booleans (yes, on, off, no unquoted) as
// booleans, since the Kubernetes API server reads manifests that way.
// Positions come from gopkg.in/yaml.v3 through analyzer/yamlnode; a value
// reached through an alias points at the alias, not at its anchor.
package kubernetes

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/analyzer/yamlnode"
)

// Format is the input format name of Kubernetes manifests.
const Format = "kubernetes"

// Load reads the manifests in data, one resource per object. Errors are
// *source.Error with the line of the problem, or a *HelmTemplateError.
// Documents before a syntax error are still returned.
func Load(file string, data []byte) ([]*resource.Resource, []error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := helmTemplate(file, data); err != nil {
		return nil, []error{err}
	}
	patch := isKustomizePatch(file)
	var objects []*source.Node
	var errs []error
	if isJSON(data) {
		objects, errs = loadJSON(file, data)
		if len(errs) > 0 && !strings.HasSuffix(strings.ToLower(file), ".json") {
			// A flow-style YAML document ({apiVersion: v1, ...}) starts
			// like JSON; keep the JSON error unless it reads as YAML.
			if yobjs, yerrs := loadYAML(file, data); len(yerrs) == 0 {
				objects, errs = yobjs, nil
			}
		}
	} else {
		objects, errs = loadYAML(file, data)
	}
	if setsNamespace(file) {
		for _, o := range objects {
			dropDefaultNamespace(o)
		}
	}
	rs := resources(file, objects)
	if patch || (fragment(rs) && patchedNearby(file)) {
		markFragments(rs)
	}
	return rs, errs
}

// fragment holds when an object's pod spec has a container without image,
// which the API server rejects: a strategic-merge patch that names the
// container to change, not a manifest (see patchedNearby).
func fragment(rs []*resource.Resource) bool {
	for _, r := range rs {
		obj, _ := r.Spec.(map[string]any)
		_, pod := podSpec(obj)
		for _, field := range []string{"containers", "initContainers"} {
			list, _ := pod[field].([]any)
			for _, c := range list {
				if c, ok := c.(map[string]any); ok && c["image"] == nil {
					return true
				}
			}
		}
	}
	return false
}

func resources(file string, objects []*source.Node) []*resource.Resource {
	rs := make([]*resource.Resource, 0, len(objects))
	for i, obj := range objects {
		rs = append(rs, newResource(file, obj, i))
	}
	for _, r := range rs {
		checkTypes(r)
	}
	applyImages(file, rs)
	addAutomount(rs, nil)
	return rs
}

// Detect reports whether a parsed JSON document is a Kubernetes object or
// List, for pipelines that parse JSON once and dispatch on its content.
func Detect(root *source.Node) bool { return isObject(root) }

// LoadNode is Load for a JSON document already parsed by source.ParseJSON.
func LoadNode(file string, root *source.Node) []*resource.Resource {
	return resources(file, objectsOf(root))
}

func isJSON(data []byte) bool {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	return len(trimmed) > 0 && trimmed[0] == '{'
}

func loadJSON(file string, data []byte) ([]*source.Node, []error) {
	root, err := source.ParseJSON(file, data)
	if err != nil {
		if objects, ok := loadJSONStream(file, data); ok {
			return objects, nil
		}
		if Looks(data) {
			return nil, []error{err}
		}
		return nil, nil
	}
	return objectsOf(root), nil
}

// loadJSONStream reads several JSON values one after the other (as jq -c
// writes them), which kubectl apply accepts like a YAML stream. It fails
// unless every value parses.
func loadJSONStream(file string, data []byte) ([]*source.Node, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var objects []*source.Node
	values := 0
	for {
		start := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); errors.Is(err, io.EOF) {
			return objects, values > 1
		} else if err != nil {
			return nil, false
		}
		end := dec.InputOffset()
		root, err := source.ParseJSONAt(file, data[start:end], posAt(data, int(start)))
		if err != nil {
			return nil, false
		}
		values++
		objects = append(objects, objectsOf(root)...)
	}
}

// posAt is the line and column of byte offset i of data.
func posAt(data []byte, i int) source.Pos {
	before := data[:i]
	line := bytes.Count(before, []byte("\n")) + 1
	col := i - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return source.Pos{Line: line, Col: col}
}

func loadYAML(file string, data []byte) ([]*source.Node, []error) {
	stream, err := yamlnode.Parse(file, data, yamlnode.Options{YAML11Booleans: true, Resume: true})
	var errs []error
	if err != nil && Looks(data) {
		if te := templateError(file, err, data); te != nil {
			return nil, []error{te}
		}
		errs = append(errs, templateHint(err, data))
		for _, e := range stream.Later {
			errs = append(errs, templateHint(e, data))
		}
	}
	var objects []*source.Node
	var lines [][]byte // only for helmRendered, so only when Helm wrote the file
	if bytes.Contains(data, []byte("# Source: ")) {
		lines = bytes.Split(data, []byte("\n"))
	}
	for _, doc := range stream.Docs {
		content := yamlnode.Content(doc)
		if !isManifest(content) {
			continue
		}
		root, err := stream.Convert(content)
		if err != nil {
			if te := templateError(file, err, data); te != nil {
				return nil, []error{te}
			}
			errs = append(errs, templateHint(err, data))
			continue
		}
		objs := objectsOf(root)
		if helmRendered(lines, content) {
			for _, o := range objs {
				dropDefaultNamespace(o)
			}
		}
		objects = append(objects, objs...)
	}
	return objects, errs
}

var (
	yamlAPIVersion = regexp.MustCompile(`(?m)^["']?apiVersion["']?[ \t]*:`)
	yamlKind       = regexp.MustCompile(`(?m)^["']?kind["']?[ \t]*:`)
	jsonAPIVersion = regexp.MustCompile(`["']?\bapiVersion["']?\s*:`)
	jsonKind       = regexp.MustCompile(`["']?\bkind["']?\s*:`)
)

// Looks reports whether data could be a Kubernetes manifest: a YAML
// document with apiVersion and kind keys at the top level, or JSON (or a
// flow-style YAML mapping) with both keys. It decides whether a file that does not parse is worth an
// error, and it is cheap enough to run on every YAML file.
func Looks(data []byte) bool {
	if yamlAPIVersion.Match(data) && yamlKind.Match(data) {
		return true
	}
	return isJSON(data) && jsonAPIVersion.Match(data) && jsonKind.Match(data)
}

// templateHint adds to a syntax error that the file is a template when it
// holds template expressions, which is the usual reason.
func templateHint(err error, data []byte) error {
	se, ok := err.(*source.Error)
	if !ok || !bytes.Contains(data, []byte("{{")) {
		return err
	}
	se.Msg += " (the file holds {{ }} template expressions: lint the rendered output, e.g. helm template chart | shipcheck scan --type kubernetes -)"
	return se
}
