package terraform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// unknownInPlan stands for a value the plan knows only after apply.
const unknownInPlan = "${known after apply}"

// IsPlan reports whether a JSON document is the output of terraform show
// -json: a plan (planned_values, resource_changes, prior_state) or a state
// (values.root_module).
func IsPlan(root *source.Node) bool {
	if root == nil || root.Kind != source.Object || root.Get("format_version") == nil {
		return false
	}
	if root.Get("planned_values") != nil || root.Get("resource_changes") != nil || root.Get("prior_state") != nil {
		return true
	}
	return root.Get("values").Get("root_module") != nil
}

// LoadPlan returns the canonical resources of a plan's planned values
// (else its prior state, else a state's values), root and child modules.
// The resource address is the resource name. Values the plan only knows
// after apply are kept as "${known after apply}".
func LoadPlan(file string, root *source.Node) ([]*resource.Resource, []error) {
	if !IsPlan(root) {
		return nil, []error{source.Errorf(root.Range, "not a Terraform plan or state: expected format_version with planned_values, prior_state or values")}
	}
	mod := root.Get("planned_values").Get("root_module")
	if mod == nil {
		mod = root.Get("prior_state").Get("values").Get("root_module")
	}
	if mod == nil {
		mod = root.Get("values").Get("root_module")
	}
	p := &planLoader{file: file, unknowns: afterUnknown(root), config: map[string]*source.Node{}}
	p.configuration(root.Get("configuration").Get("root_module"), "", 0)
	p.module(mod, 0)
	p.joinECR()
	l := &loader{out: p.out, scanning: p.scanning, accountSettings: p.accountSettings}
	l.joinRegistryWide()
	res := l.finish()
	for _, r := range res {
		r.Format = PlanFormat
	}
	return res, nil
}

// afterUnknown maps resource addresses to their change.after_unknown.
func afterUnknown(root *source.Node) map[string]*source.Node {
	out := map[string]*source.Node{}
	changes := root.Get("resource_changes")
	if changes == nil || changes.Kind != source.Array {
		return out
	}
	for _, c := range changes.Items {
		if au := c.Get("change").Get("after_unknown"); au != nil {
			out[c.Get("address").Str()] = au
		}
	}
	return out
}

type planLoader struct {
	file     string
	unknowns map[string]*source.Node
	// config maps resource addresses without instance keys to the
	// expressions their configuration writes (the plan's configuration).
	config          map[string]*source.Node
	out             []*built
	scanning        []*source.Node
	accountSettings []*source.Node
	policies        []planPolicy
}

// planPolicy is a lifecycle or repository policy waiting to be joined.
type planPolicy struct {
	key, repository string
	header          source.Range
	doc             *source.Node
}

func (p *planLoader) module(mod *source.Node, depth int) {
	if mod == nil || depth > maxModuleDepth {
		return
	}
	if rs := mod.Get("resources"); rs != nil && rs.Kind == source.Array {
		for _, r := range rs.Items {
			p.resource(r)
		}
	}
	if cs := mod.Get("child_modules"); cs != nil && cs.Kind == source.Array {
		for _, c := range cs.Items {
			p.module(c, depth+1)
		}
	}
}

func (p *planLoader) resource(r *source.Node) {
	if r.Kind != source.Object || (r.Get("mode") != nil && r.Get("mode").Str() != "managed") {
		return
	}
	typ, addr := r.Get("type").Str(), r.Get("address").Str()
	values := r.Get("values")
	if values == nil || values.Kind != source.Object {
		return
	}
	header := r.Range
	if m, ok := member(r, "address"); ok {
		header = m.KeyRange
		header.End = m.Value.Range.End
	}
	var diags []resource.Diagnostic
	raw := p.raw(typ, values, p.unknowns[addr], p.config[instanceKeys.ReplaceAllString(addr, "")], &diags)
	switch typ {
	case "aws_ecr_registry_scanning_configuration":
		mp := &mapper{headers: map[*source.Node]source.Range{}}
		cfg := mp.object(raw, registryScanningFields, header)
		cfg.Range = header
		p.scanning = append(p.scanning, cfg)
		return
	case "aws_ecs_account_setting_default":
		mp := &mapper{headers: map[*source.Node]source.Range{}}
		setting := mp.object(raw, accountSettingFields, header)
		setting.Range = header
		p.accountSettings = append(p.accountSettings, setting)
		return
	case "aws_ecr_lifecycle_policy", "aws_ecr_repository_policy":
		key := keyLifecyclePolicy
		if typ == "aws_ecr_repository_policy" {
			key = keyRepositoryPolicy
		}
		if doc := raw.Get("policy"); doc != nil {
			p.policies = append(p.policies, planPolicy{key, raw.Get("repository").Str(), header, doc})
		}
		return
	}
	mt, ok := resourceTypes[typ]
	if !ok {
		return
	}
	mp := &mapper{headers: map[*source.Node]source.Range{}}
	spec := mp.object(raw, mt.fields, header)
	p.out = append(p.out, &built{
		res:  &resource.Resource{Kind: mt.kind, Name: addr, File: p.file, Format: PlanFormat, Diagnostics: diags},
		spec: spec, mapper: mp, header: header,
	})
}

// raw copies a resource's values, parsing its JSON document arguments and
// filling in what is known only after apply.
func (p *planLoader) raw(typ string, values, unknown, config *source.Node, diags *[]resource.Diagnostic) *source.Node {
	out := &source.Node{Kind: source.Object, Range: values.Range}
	for _, mem := range values.Members {
		v := mem.Value
		if docAttributes[typ][mem.Key] && v.Kind == source.String {
			doc, err := planEmbeddedJSON(v)
			if err != nil {
				*diags = append(*diags, parseFailed(mem.Key, v.Range, err)...)
			} else {
				v = doc
			}
		}
		out.Members = append(out.Members, source.Member{Key: mem.Key, KeyRange: mem.KeyRange, Value: v})
	}
	if unknown != nil && unknown.Kind == source.Object {
		for _, mem := range unknown.Members {
			if mem.Value.Kind == source.Object || mem.Value.Kind == source.Array {
				// Nested blocks: vpc_config[0].public_access_cidrs or
				// encryption_config[0].provider[0].key_arn known after apply.
				for i := range out.Members {
					if out.Members[i].Key == mem.Key {
						out.Members[i].Value = fillUnknown(out.Members[i].Value, mem.Value, expressions(config, mem.Key))
					}
				}
				continue
			}
			if mem.Value.Kind == source.Bool && mem.Value.Value == true {
				if cur := out.Get(mem.Key); cur == nil || cur.Kind == source.Null {
					out.Members = append(out.Members, source.Member{Key: mem.Key, KeyRange: values.Range,
						Value: &source.Node{Kind: source.String, Value: unknownInPlan, Range: values.Range}})
					if docAttributes[typ][mem.Key] {
						*diags = append(*diags, notEvaluated(mem.Key, values.Range,
							fmt.Sprintf("%s is only known after apply in this plan", mem.Key))...)
					}
				}
			}
		}
	}
	return out
}

// fillUnknown returns v with the values that unknown (the matching part of
// after_unknown) marks as known only after apply set to unknownInPlan where
// the plan leaves them out or null, so that a rule about an absent value
// does not judge one that Terraform has yet to compute. v is copied where
// it changes. config is the matching part of the configuration's
// expressions, nil when the block is not written there (a dynamic block,
// or a plan without configuration): an attribute the written block leaves
// out is computed by the provider from its default
// (vpc_config.public_access_cidrs is 0.0.0.0/0), so it is not unknown.
func fillUnknown(v, unknown, config *source.Node) *source.Node {
	switch {
	case v == nil:
		return nil
	case unknown.Kind == source.Object && v.Kind == source.Object:
		out := *v
		out.Members = append([]source.Member(nil), v.Members...)
		for _, mem := range unknown.Members {
			i := memberIndex(&out, mem.Key)
			written := config == nil || config.Get(mem.Key) != nil
			switch {
			case mem.Value.Kind == source.Bool && mem.Value.Value == true && written && (i < 0 || out.Members[i].Value.Kind == source.Null):
				u := &source.Node{Kind: source.String, Value: unknownInPlan, Range: v.Range}
				if i < 0 {
					out.Members = append(out.Members, source.Member{Key: mem.Key, KeyRange: v.Range, Value: u})
				} else {
					out.Members[i].Value = u
				}
			case i >= 0:
				out.Members[i].Value = fillUnknown(out.Members[i].Value, mem.Value, expressions(config, mem.Key))
			}
		}
		return &out
	case unknown.Kind == source.Array && v.Kind == source.Array:
		out := *v
		out.Items = append([]*source.Node(nil), v.Items...)
		for i, u := range unknown.Items {
			if i < len(out.Items) {
				out.Items[i] = fillUnknown(out.Items[i], u, blockConfig(config, i))
			}
		}
		return &out
	}
	return v
}

// expressions returns the configuration of the attribute or block key of
// config, or nil.
func expressions(config *source.Node, key string) *source.Node {
	if config == nil {
		return nil
	}
	return config.Get(key)
}

// blockConfig returns the configuration of the i-th block of a list of
// blocks (a block written once stands for all of its instances), or nil.
func blockConfig(config *source.Node, i int) *source.Node {
	if config == nil || config.Kind != source.Array || len(config.Items) == 0 {
		return nil
	}
	if i >= len(config.Items) {
		i = len(config.Items) - 1
	}
	if it := config.Items[i]; it.Kind == source.Object {
		return it
	}
	return nil
}

// instanceKeys matches the instance keys of a resource or module address
// (module.eks["a"].aws_eks_cluster.this[0]).
var instanceKeys = regexp.MustCompile(`\[[^\]]*\]`)

// configuration records the expressions of the resources of a module of the
// plan's configuration and of the modules it calls, by address.
func (p *planLoader) configuration(mod *source.Node, prefix string, depth int) {
	if mod == nil || depth > maxModuleDepth {
		return
	}
	if rs := mod.Get("resources"); rs != nil && rs.Kind == source.Array {
		for _, r := range rs.Items {
			if ex := r.Get("expressions"); ex != nil && ex.Kind == source.Object {
				p.config[prefix+r.Get("address").Str()] = ex
			}
		}
	}
	if calls := mod.Get("module_calls"); calls != nil && calls.Kind == source.Object {
		for _, c := range calls.Members {
			p.configuration(c.Value.Get("module"), prefix+"module."+c.Key+".", depth+1)
		}
	}
}

func memberIndex(n *source.Node, key string) int {
	for i, m := range n.Members {
		if m.Key == key {
			return i
		}
	}
	return -1
}

// planEmbeddedJSON parses a JSON document held in a plan's JSON string.
// Terraform writes plans with Go's encoder, so re-encoding the decoded
// string gives back its raw text and with it exact columns; when the
// lengths disagree the positions fall back to the string itself.
func planEmbeddedJSON(str *source.Node) (*source.Node, error) {
	if str.Range.Start.Line == str.Range.End.Line {
		for _, html := range []bool{true, false} {
			enc := encodeString(str.Str(), html)
			if len([]rune(string(enc))) == str.Range.End.Col-str.Range.Start.Col {
				return parseEmbeddedJSONAt(enc, 0, str)
			}
		}
	}
	doc, err := source.ParseJSON(str.Range.File, []byte(str.Str()))
	if err != nil {
		return nil, err
	}
	restamp(doc, str.Range)
	return doc, nil
}

// encodeString encodes s as a JSON string literal, with or without Go's
// HTML escaping of <, > and &.
func encodeString(s string, html bool) []byte {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(html)
	_ = e.Encode(s)
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// joinECR attaches the plan's policies to the repositories they name.
func (p *planLoader) joinECR() {
	for _, pol := range p.policies {
		for _, b := range p.out {
			if b.res.Kind != resource.ECRRepository || b.spec.Get(pol.key) != nil {
				continue
			}
			name := b.spec.Get("repositoryName").Str()
			unknown := pol.repository == "" || strings.Contains(pol.repository, "${")
			if name == pol.repository || (unknown && pol.key == keyLifecyclePolicy) {
				b.spec.Members = append(b.spec.Members, source.Member{Key: pol.key, KeyRange: pol.header, Value: pol.doc})
			}
		}
	}
}
