// Package config reads .shipcheck.yaml: which rules run and how severe
// they are, which paths are skipped or have rules ignored, custom policy
// folders, the default --fail-on and Terraform variables. Every mistake in
// the file is reported with its line.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/shipcheck/shipcheck/analyzer/discover"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/analyzer/suppress"
)

// Names are the file names looked up, in order of preference.
var Names = []string{".shipcheck.yaml", ".shipcheck.yml"}

// Config is the effective configuration.
type Config struct {
	// File is the configuration file read; empty when there is none.
	File string
	// Dir is the folder relative paths in the file are resolved against.
	Dir string
	// Rules overrides rule defaults, by rule ID.
	Rules map[string]Rule
	// Exclude holds globs of paths not to scan, relative to Dir.
	Exclude []string
	// Ignore entries suppress findings by path, rule and resource.
	Ignore []*suppress.Ignore
	// Policies are folders of custom rules, resolved against Dir.
	Policies []string
	// FailOn is the default --fail-on; empty leaves the built-in default.
	FailOn    string
	Terraform Terraform

	// at records where rule IDs were written, to report unknown ones.
	at map[string]source.Range
}

// Rule overrides a rule's defaults.
type Rule struct {
	Enabled  *bool           `yaml:"enabled,omitempty"`
	Severity result.Severity `yaml:"severity,omitempty"`
}

// Terraform holds the input variables the Terraform adapter evaluates
// modules with, as terraform plan -var-file / -var would.
type Terraform struct {
	VarFiles []string          `yaml:"var-files,omitempty"`
	Vars     map[string]string `yaml:"vars,omitempty"`
}

// Find looks for a configuration file in dir and its parents, stopping at
// the folder that holds .git (the repository root) or the filesystem root.
// It returns "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find configuration: %w", err)
	}
	for {
		for _, n := range Names {
			p := filepath.Join(dir, n)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				return p, nil
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and checks a configuration file. Rule IDs are checked later,
// with Check, once the custom policies it names are loaded.
func Load(file string) (*Config, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	return Parse(file, data)
}

// Parse reads configuration text; file names it in errors and relative
// paths are resolved against its folder.
func Parse(file string, data []byte) (*Config, error) {
	c := &Config{File: file, Dir: filepath.Dir(file), Rules: map[string]Rule{}, at: map[string]source.Range{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlError(err)
		return nil, &source.Error{Range: source.Range{File: file, Start: source.Pos{Line: line, Col: 1}}, Msg: msg}
	}
	if len(doc.Content) == 0 {
		return c, nil // an empty file configures nothing
	}
	d := decoder{file: file}
	d.object(doc.Content[0], "the configuration", map[string]func(*yaml.Node){
		"rules":     func(n *yaml.Node) { c.readRules(&d, n) },
		"exclude":   func(n *yaml.Node) { c.Exclude = d.strings(n, "exclude") },
		"ignore":    func(n *yaml.Node) { c.readIgnores(&d, n) },
		"policies":  func(n *yaml.Node) { c.Policies = d.strings(n, "policies") },
		"fail-on":   func(n *yaml.Node) { c.FailOn = d.failOn(n) },
		"terraform": func(n *yaml.Node) { c.readTerraform(&d, n) },
	})
	if d.err != nil {
		return nil, d.err
	}
	for i, p := range c.Policies {
		c.Policies[i] = c.resolve(p)
	}
	for i, p := range c.Terraform.VarFiles {
		c.Terraform.VarFiles[i] = c.resolve(p)
	}
	return c, nil
}

func (c *Config) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.Dir, filepath.FromSlash(p))
}

func (c *Config) readRules(d *decoder, n *yaml.Node) {
	d.mapping(n, "rules", func(key, val *yaml.Node) {
		id := strings.ToUpper(key.Value)
		c.at[id] = d.at(key)
		var r Rule
		d.object(val, "rule "+key.Value, map[string]func(*yaml.Node){
			"enabled":  func(n *yaml.Node) { b := d.bool(n, "enabled"); r.Enabled = &b },
			"severity": func(n *yaml.Node) { r.Severity = d.severity(n) },
		})
		c.Rules[id] = r
	})
}

func (c *Config) readIgnores(d *decoder, n *yaml.Node) {
	d.list(n, "ignore", func(item *yaml.Node) {
		ig := &suppress.Ignore{Base: c.Dir}
		ig.Kind = suppress.External
		ig.At = d.at(item)
		ig.At.End = ig.At.Start
		d.object(item, "an ignore entry", map[string]func(*yaml.Node){
			"path":     func(n *yaml.Node) { ig.Path = d.string(n, "path") },
			"resource": func(n *yaml.Node) { ig.Resource = d.string(n, "resource") },
			"reason":   func(n *yaml.Node) { ig.Reason = d.string(n, "reason") },
			"until":    func(n *yaml.Node) { ig.Until = d.date(n) },
			"rules": func(n *yaml.Node) {
				ids, at := d.stringNodes(n, "rules")
				for i, id := range ids {
					id = strings.ToUpper(id)
					ig.Rules = append(ig.Rules, id)
					c.at[id] = d.at(at[i])
				}
			},
		})
		if d.err == nil && ig.Path == "" && ig.Resource == "" && len(ig.Rules) == 0 {
			d.fail(item, "an ignore entry needs at least one of path, rules or resource")
		}
		c.Ignore = append(c.Ignore, ig)
	})
}

func (c *Config) readTerraform(d *decoder, n *yaml.Node) {
	d.object(n, "terraform", map[string]func(*yaml.Node){
		"var-files": func(n *yaml.Node) { c.Terraform.VarFiles = d.strings(n, "var-files") },
		"vars": func(n *yaml.Node) {
			c.Terraform.Vars = map[string]string{}
			d.mapping(n, "vars", func(k, v *yaml.Node) { c.Terraform.Vars[k.Value] = d.scalar(v, "vars."+k.Value) })
		},
	})
}

// Check reports the first rule ID the file names that is not a loaded
// rule, with its line.
func (c *Config) Check(known func(id string) bool) error {
	var bad []string
	for id := range c.at {
		if !known(id) {
			bad = append(bad, id)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	first := bad[0]
	for _, id := range bad {
		if lineLess(c.at[id], c.at[first]) {
			first = id
		}
	}
	return &source.Error{Range: c.at[first], Msg: fmt.Sprintf("unknown rule %s ('shipcheck rules' lists them)", first)}
}

func lineLess(a, b source.Range) bool {
	return a.Start.Line < b.Start.Line || (a.Start.Line == b.Start.Line && a.Start.Col < b.Start.Col)
}

// Excluded reports whether a scanned path matches an exclude glob.
func (c *Config) Excluded(path string) bool {
	if len(c.Exclude) == 0 || path == "-" {
		return false
	}
	rel := suppress.RelativeTo(c.Dir, path)
	for _, g := range c.Exclude {
		if discover.Match(g, rel) {
			return true
		}
	}
	return false
}

// Enabled says whether a rule runs, given its default.
func (c *Config) Enabled(id string, byDefault bool) bool {
	if r, ok := c.Rules[id]; ok && r.Enabled != nil {
		return *r.Enabled
	}
	return byDefault
}

// decoder walks yaml.v3 nodes, keeping the first error with its line.
type decoder struct {
	file string
	err  error
}

func (d *decoder) at(n *yaml.Node) source.Range {
	p := source.Pos{Line: n.Line, Col: n.Column}
	return source.Range{File: d.file, Start: p, End: source.Pos{Line: n.Line, Col: n.Column + max(1, len(n.Value))}}
}

func (d *decoder) fail(n *yaml.Node, format string, args ...any) {
	if d.err == nil {
		d.err = &source.Error{Range: d.at(n), Msg: fmt.Sprintf(format, args...)}
	}
}

// object reads a mapping whose keys must all be known.
func (d *decoder) object(n *yaml.Node, what string, fields map[string]func(*yaml.Node)) {
	d.mapping(n, what, func(k, v *yaml.Node) {
		read, ok := fields[k.Value]
		if !ok {
			d.fail(k, "unknown key %q in %s (known: %s)", k.Value, what, strings.Join(keys(fields), ", "))
			return
		}
		read(v)
	})
}

func (d *decoder) mapping(n *yaml.Node, what string, each func(k, v *yaml.Node)) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, "%s must be a mapping", what)
		return
	}
	for i := 0; i+1 < len(n.Content) && d.err == nil; i += 2 {
		each(n.Content[i], n.Content[i+1])
	}
}

func (d *decoder) list(n *yaml.Node, what string, each func(*yaml.Node)) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, "%s must be a list", what)
		return
	}
	for _, item := range n.Content {
		if d.err != nil {
			return
		}
		each(item)
	}
}

func (d *decoder) scalar(n *yaml.Node, what string) string {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode {
		d.fail(n, "%s must be a single value", what)
		return ""
	}
	return n.Value
}

func (d *decoder) string(n *yaml.Node, what string) string {
	s := d.scalar(n, what)
	if d.err == nil && s == "" {
		d.fail(n, "%s must not be empty", what)
	}
	return s
}

// strings reads a list of strings; a single string is a list of one.
func (d *decoder) strings(n *yaml.Node, what string) []string {
	out, _ := d.stringNodes(n, what)
	return out
}

// stringNodes is strings with the node of each string.
func (d *decoder) stringNodes(n *yaml.Node, what string) ([]string, []*yaml.Node) {
	if r := resolve(n); r.Kind == yaml.ScalarNode {
		return []string{d.string(r, what)}, []*yaml.Node{r}
	}
	var out []string
	var nodes []*yaml.Node
	d.list(n, what, func(item *yaml.Node) {
		out = append(out, d.string(item, what))
		nodes = append(nodes, item)
	})
	return out, nodes
}

func (d *decoder) bool(n *yaml.Node, what string) bool {
	var b bool
	if resolve(n).Tag != "!!bool" || n.Decode(&b) != nil {
		d.fail(n, "%s must be true or false", what)
	}
	return b
}

func (d *decoder) severity(n *yaml.Node) result.Severity {
	s := d.scalar(n, "severity")
	sev, err := result.ParseSeverity(s)
	if err != nil && d.err == nil {
		d.fail(n, "%v", err)
	}
	return sev
}

func (d *decoder) failOn(n *yaml.Node) string {
	s := strings.ToLower(d.scalar(n, "fail-on"))
	if s == "none" {
		return s
	}
	if _, err := result.ParseSeverity(s); err != nil && d.err == nil {
		d.fail(n, "fail-on: %v (or none)", err)
	}
	return s
}

func (d *decoder) date(n *yaml.Node) time.Time {
	s := d.scalar(n, "until")
	t, err := time.Parse(time.DateOnly, s)
	if err != nil && d.err == nil {
		d.fail(n, "until: %q is not a date (want YYYY-MM-DD)", s)
	}
	return t
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func keys(m map[string]func(*yaml.Node)) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// yamlError splits a yaml.v3 syntax error ("yaml: line 3: ...") into its
// line (0 when unknown) and message.
func yamlError(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
		_, rest, _ := strings.Cut(msg, ": ")
		return line, rest
	}
	return 0, msg
}
