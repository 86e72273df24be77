package terraform

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// module is one directory of Terraform configuration, parsed but not yet
// evaluated. Declarations written in HCL keep their hclsyntax bodies;
// those from .tf.json keep their position-aware JSON nodes.
type module struct {
	dir       string
	files     map[string][]byte // path -> content, for source text
	src       *sources          // the same, with line offsets
	vars      map[string]*variable
	locals    map[string]*local
	outputs   map[string]*local // output values, written like locals
	resources []*block
	calls     []*block
	templates map[string]*hclsyntax.Body // data "template_file" bodies
	// converted records the variables whose value their type constraint
	// changed (set by evalContext): their default expressions no longer
	// describe the value.
	converted map[string]bool
	policies  map[string]*hclsyntax.Block // data "aws_iam_policy_document" blocks
	errs      map[string][]error          // parse errors by file
}

type variable struct {
	native hclsyntax.Expression // default, when written in HCL
	json   *source.Node         // default, when written in JSON
	file   string
	typ    string // the type constraint's source text, "" when absent
}

type local struct {
	native hclsyntax.Expression
	json   *source.Node
	file   string
}

// block is a resource or module block.
type block struct {
	typ, name string // resource type and name; for a module call typ is "module"
	file      string
	header    source.Range
	native    *hclsyntax.Body
	json      *source.Node
}

// isConfigFile reports whether name is a Terraform configuration file.
// Override files (override.tf, *_override.tf) are left out: they only
// patch blocks declared elsewhere, and read as blocks of their own they
// would be partial duplicates.
func isConfigFile(name string) bool {
	base, ok := strings.CutSuffix(name, ".tf")
	if !ok {
		base, ok = strings.CutSuffix(name, ".tf.json")
	}
	return ok && base != "override" && !strings.HasSuffix(base, "_override")
}

// parseModule reads every configuration file of dir. A file that does not
// parse contributes what the parser recovered.
func parseModule(dir string) (*module, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read module %s: %w", dir, err)
	}
	files := map[string][]byte{}
	m := &module{dir: dir, files: files, src: &sources{data: files, lines: map[string][]int{}}, vars: map[string]*variable{},
		locals: map[string]*local{}, outputs: map[string]*local{}, templates: map[string]*hclsyntax.Body{}, policies: map[string]*hclsyntax.Block{}, errs: map[string][]error{}}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && isConfigFile(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		path := filepath.Join(dir, n)
		data, err := readLimited(path)
		if err != nil {
			// Reported on the file itself, not on the module's first file.
			m.errs[path] = append(m.errs[path], source.Errorf(source.Range{File: path}, "%s; not scanned", readError(err)))
			continue
		}
		m.addFile(path, data)
	}
	return m, nil
}

// readError is err without the path an *fs.PathError repeats.
func readError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// addFile parses one file into m.
func (m *module) addFile(path string, data []byte) {
	m.files[path] = data
	if strings.HasSuffix(path, ".json") {
		m.addJSON(path, data)
		return
	}
	if err := tooDeep(data, path, hcl.InitialPos, false); err != nil {
		m.errs[path] = append(m.errs[path], err)
		return
	}
	f, diags := hclsyntax.ParseConfig(data, path, hcl.InitialPos)
	if diags.HasErrors() {
		m.errs[path] = append(m.errs[path], diagError(path, diags))
	}
	if f == nil {
		return
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return
	}
	for _, b := range body.Blocks {
		m.addNativeBlock(path, b)
	}
}

func (m *module) addNativeBlock(path string, b *hclsyntax.Block) {
	switch {
	case b.Type == "variable" && len(b.Labels) == 1:
		v := &variable{file: path}
		if a := b.Body.Attributes["default"]; a != nil {
			v.native = a.Expr
		}
		if a := b.Body.Attributes["type"]; a != nil {
			v.typ = string(a.Expr.Range().SliceBytes(m.files[path]))
		}
		m.vars[b.Labels[0]] = v
	case b.Type == "locals":
		for name, a := range b.Body.Attributes {
			m.locals[name] = &local{native: a.Expr, file: path}
		}
	case b.Type == "resource" && len(b.Labels) == 2:
		m.resources = append(m.resources, &block{typ: b.Labels[0], name: b.Labels[1], file: path, header: toRange(b.DefRange()), native: b.Body})
	case b.Type == "data" && len(b.Labels) == 2 && b.Labels[0] == "template_file":
		m.templates[b.Labels[1]] = b.Body
	case b.Type == "data" && len(b.Labels) == 2 && b.Labels[0] == "aws_iam_policy_document":
		m.policies[b.Labels[1]] = b
	case b.Type == "output" && len(b.Labels) == 1 && b.Body.Attributes["value"] != nil:
		m.outputs[b.Labels[0]] = &local{native: b.Body.Attributes["value"].Expr, file: path}
	case b.Type == "module" && len(b.Labels) == 1:
		m.calls = append(m.calls, &block{typ: "module", name: b.Labels[0], file: path, header: toRange(b.DefRange()), native: b.Body})
	}
}

// addJSON reads the JSON configuration syntax: {"resource": {"type":
// {"name": {...}}}, "variable": {...}, "locals": {...}, "module": {...}}.
// Any level may also be a list of such objects.
func (m *module) addJSON(path string, data []byte) {
	root, err := source.ParseJSON(path, data)
	if err != nil {
		m.errs[path] = append(m.errs[path], err)
		return
	}
	if root.Kind != source.Object {
		m.errs[path] = append(m.errs[path], source.Errorf(root.Range, "a Terraform JSON file must hold an object"))
		return
	}
	for _, top := range root.Members {
		switch top.Key {
		case "variable":
			eachLabeled(top.Value, func(name string, kr source.Range, body *source.Node) {
				v := &variable{file: path, json: body.Get("default")}
				v.typ = body.Get("type").Str()
				m.vars[name] = v
			})
		case "locals":
			for _, obj := range objects(top.Value) {
				for _, mem := range obj.Members {
					m.locals[mem.Key] = &local{json: mem.Value, file: path}
				}
			}
		case "resource":
			eachLabeled(top.Value, func(typ string, _ source.Range, byName *source.Node) {
				eachLabeled(byName, func(name string, kr source.Range, body *source.Node) {
					m.resources = append(m.resources, &block{typ: typ, name: name, file: path, header: kr, json: body})
				})
			})
		case "output":
			eachLabeled(top.Value, func(name string, _ source.Range, body *source.Node) {
				if v := body.Get("value"); v != nil {
					m.outputs[name] = &local{json: v, file: path}
				}
			})
		case "module":
			eachLabeled(top.Value, func(name string, kr source.Range, body *source.Node) {
				m.calls = append(m.calls, &block{typ: "module", name: name, file: path, header: kr, json: body})
			})
		}
	}
}

// objects returns n when it is an object, or the objects of a list.
func objects(n *source.Node) []*source.Node {
	switch n.Kind {
	case source.Object:
		return []*source.Node{n}
	case source.Array:
		var out []*source.Node
		for _, it := range n.Items {
			if it.Kind == source.Object {
				out = append(out, it)
			}
		}
		return out
	}
	return nil
}

// eachLabeled calls f for each labeled body of a JSON block level, where
// a label may map to an object or to a list of objects.
func eachLabeled(n *source.Node, f func(label string, kr source.Range, body *source.Node)) {
	for _, obj := range objects(n) {
		for _, mem := range obj.Members {
			for _, body := range objects(mem.Value) {
				f(mem.Key, mem.KeyRange, body)
			}
		}
	}
}

// diagError converts HCL diagnostics to a positioned error at the first
// error.
func diagError(path string, diags hcl.Diagnostics) error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		r := source.Range{File: path, Start: source.Pos{Line: 1, Col: 1}, End: source.Pos{Line: 1, Col: 1}}
		if d.Subject != nil {
			r = toRange(*d.Subject)
			r.File = path
		}
		return source.Errorf(r, "invalid HCL: %s", msg)
	}
	return source.Errorf(source.Range{File: path}, "invalid HCL")
}
