package kubernetes

import (
	"encoding/json"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// isManifest holds for a YAML document whose top level has apiVersion and
// kind written as non-empty scalars. It looks at the parsed document
// before converting it, so nothing in a document that is not a manifest is
// expanded or reported.
func isManifest(n *yaml.Node) bool {
	if n == nil || n.Kind != yaml.MappingNode {
		return false
	}
	return scalarField(n, "apiVersion") != "" && scalarField(n, "kind") != ""
}

func scalarField(n *yaml.Node, key string) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value != key {
			continue
		}
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" {
			return strings.TrimSpace(v.Value)
		}
	}
	return ""
}

// objectsOf returns the objects of a manifest: the items of a List, the
// objects of an OpenShift Template, else the manifest itself when it has
// apiVersion and kind.
func objectsOf(root *source.Node) []*source.Node {
	if !isObject(root) {
		return nil
	}
	if items := members(root); items != nil {
		var out []*source.Node
		for _, it := range items.Items {
			out = append(out, objectsOf(it)...)
		}
		return out
	}
	return []*source.Node{root}
}

// members returns the array of objects a List (items) or an OpenShift
// Template (objects, which oc process deploys once the ${PARAMETERS} are
// filled in; they stay unknown here) holds, or nil for any other object.
func members(root *source.Node) *source.Node {
	kind := root.Get("kind").Str()
	field := ""
	switch {
	case strings.HasSuffix(kind, "List"):
		field = "items"
	case kind == "Template" && isTemplateAPI(root.Get("apiVersion").Str()):
		field = "objects"
	default:
		return nil
	}
	if arr := root.Get(field); arr != nil && arr.Kind == source.Array {
		return arr
	}
	return nil
}

// isTemplateAPI holds for the API versions of OpenShift templates:
// template.openshift.io/v1, and v1 in manifests older than API groups.
func isTemplateAPI(v string) bool {
	v = strings.TrimSpace(v)
	return v == "v1" || strings.HasPrefix(v, "template.openshift.io/")
}

func isObject(n *source.Node) bool {
	return n != nil && n.Kind == source.Object &&
		strings.TrimSpace(n.Get("apiVersion").Str()) != "" && strings.TrimSpace(n.Get("kind").Str()) != ""
}

func newResource(file string, obj *source.Node, i int) *resource.Resource {
	return &resource.Resource{
		Kind:   resource.Kubernetes,
		Name:   name(obj, i),
		File:   file,
		Format: Format,
		Spec:   obj.Interface(),
		Index:  obj.Index(),
	}
}

// name is "Kind/name", or "namespace/Kind/name" when the namespace is
// written. Objects without a name use generateName, else their position
// in the file (#1 is the first object).
func name(obj *source.Node, i int) string {
	kind := strings.TrimSpace(obj.Get("kind").Str())
	meta := obj.Get("metadata")
	n := text(meta.Get("name"))
	if n == "" {
		n = text(meta.Get("generateName"))
	}
	if n == "" {
		n = fmt.Sprintf("#%d", i+1)
	}
	if ns := text(meta.Get("namespace")); ns != "" {
		return ns + "/" + kind + "/" + n
	}
	return kind + "/" + n
}

// text renders a scalar name: a string, or a number written unquoted.
func text(n *source.Node) string {
	if n == nil {
		return ""
	}
	switch v := n.Value.(type) {
	case string:
		return strings.TrimSpace(v)
	case json.Number:
		return v.String()
	}
	return ""
}
