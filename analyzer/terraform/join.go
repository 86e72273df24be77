package terraform

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// Facts that Terraform declares in separate resources are joined into the
// repository's canonical spec under these keys (documented in
// schemas/aws.ecr.repository.json):
//
//	lifecyclePolicy                 the aws_ecr_lifecycle_policy document
//	repositoryPolicy                the aws_ecr_repository_policy document
//	registryScanningConfiguration   the aws_ecr_registry_scanning_configuration
//	                                of the scanned module tree ({scanType, rules})
//
// and into an ECS cluster's spec (schemas/aws.ecs.cluster.json):
//
//	accountSettingDefaults          the aws_ecs_account_setting_default
//	                                resources of the scan ([{name, value}])
const (
	keyAccountSettings  = "accountSettingDefaults"
	keyLifecyclePolicy  = "lifecyclePolicy"
	keyRepositoryPolicy = "repositoryPolicy"
	keyRegistryScanning = "registryScanningConfiguration"
)

var accountSettingFields = []field{arg("name", "name"), arg("value", "value")}

var registryScanningFields = []field{
	arg("scan_type", "scanType"),
	many("rule", "rules",
		arg("scan_frequency", "scanFrequency"),
		many("repository_filter", "repositoryFilters", arg("filter", "filter"), arg("filter_type", "filterType"))),
}

// joinECR attaches the lifecycle and repository policies of m to the
// repositories they name. A policy whose repository is a reference
// (aws_ecr_repository.app.name, or each.value with for_each over
// repositories) or a known name joins that repository. A lifecycle policy
// whose repository cannot be resolved joins every repository of the module
// that has none, since its absence must not be claimed; a repository
// policy is joined only when resolved, since its content is judged.
func (l *loader) joinECR(m *module, w *walker, repos []*built) {
	for _, b := range m.resources {
		if !exists(m, w.ctx, b) {
			continue
		}
		switch b.typ {
		case "aws_ecr_registry_scanning_configuration":
			rb := newRawBuilder(w, b.typ, m.src)
			mp := &mapper{headers: rb.headers}
			cfg := mp.object(rb.build(b), registryScanningFields, b.header)
			cfg.Range = b.header
			l.scanning = append(l.scanning, cfg)
		case "aws_ecs_account_setting_default":
			rb := newRawBuilder(w, b.typ, m.src)
			mp := &mapper{headers: rb.headers}
			setting := mp.object(rb.build(b), accountSettingFields, b.header)
			setting.Range = b.header
			l.accountSettings = append(l.accountSettings, setting)
		case "aws_ecr_lifecycle_policy", "aws_ecr_repository_policy":
			if len(repos) == 0 {
				continue
			}
			rb := newRawBuilder(w, b.typ, m.src)
			raw := rb.build(b)
			pol, ok := member(raw, "policy")
			if !ok {
				continue
			}
			key := keyLifecyclePolicy
			if b.typ == "aws_ecr_repository_policy" {
				key = keyRepositoryPolicy
			}
			targets, resolved := repositoryTargets(b, raw, repos, m.src)
			if !resolved && key == keyRepositoryPolicy {
				continue
			}
			for _, t := range targets {
				if t.spec.Get(key) != nil {
					continue
				}
				t.spec.Members = append(t.spec.Members, source.Member{Key: key, KeyRange: b.header, Value: pol.Value})
				if key == keyRepositoryPolicy {
					// ECR004 judges the policy's content: one that could
					// not be evaluated is said (ERR002) on the repository
					// it was not checked for. A lifecycle policy only
					// needs to be there.
					t.res.Diagnostics = append(t.res.Diagnostics, rb.diags...)
				}
			}
		}
	}
}

// repositoryTargets resolves the repository argument of a policy block.
func repositoryTargets(b *block, raw *source.Node, repos []*built, files *sources) ([]*built, bool) {
	names := referencedRepositories(b, files)
	var out []*built
	if len(names) > 0 {
		for _, r := range repos {
			if names[lastLabel(r.res.Name)] {
				out = append(out, r)
			}
		}
		return out, true
	}
	if mem, ok := member(raw, "repository"); ok && mem.Value.Kind == source.String && !strings.Contains(mem.Value.Str(), "${") {
		for _, r := range repos {
			if r.spec.Get("repositoryName").Str() == mem.Value.Str() {
				out = append(out, r)
			}
		}
		return out, true
	}
	return repos, false
}

// lastLabel is the resource name of an address, without the instance key
// of a for_each instance: aws_ecr_repository.app["api"] is "app".
func lastLabel(addr string) string {
	if strings.HasSuffix(addr, "]") {
		if i := strings.LastIndex(addr, "["); i >= 0 {
			addr = addr[:i]
		}
	}
	return addr[strings.LastIndex(addr, ".")+1:]
}

// referencedRepositories returns the names of the aws_ecr_repository
// resources the block's repository argument refers to, directly or through
// each.* of a for_each over them.
func referencedRepositories(b *block, files *sources) map[string]bool {
	repo := traversals(b, "repository", files)
	for _, t := range repo {
		if t.RootName() == "each" {
			repo = append(repo, traversals(b, "for_each", files)...)
			break
		}
	}
	names := map[string]bool{}
	for _, t := range repo {
		if t.RootName() != "aws_ecr_repository" || len(t) < 2 {
			continue
		}
		if a, ok := t[1].(hcl.TraverseAttr); ok {
			names[a.Name] = true
		}
	}
	return names
}

func traversals(b *block, attr string, files *sources) []hcl.Traversal {
	if b.native != nil {
		if a := b.native.Attributes[attr]; a != nil {
			return a.Expr.Variables()
		}
		return nil
	}
	if n := b.json.Get(attr); n != nil && n.Kind == source.String {
		if expr := jsonTemplate(n, files); expr != nil {
			return expr.Variables()
		}
	}
	return nil
}

// joinRegistryWide gives every repository the registry scanning
// configuration of the scan and every cluster the account setting
// defaults: both apply to the whole registry or account.
func (l *loader) joinRegistryWide() {
	for _, b := range l.out {
		switch {
		case b.spec == nil:
		case b.res.Kind == resource.ECRRepository && len(l.scanning) > 0 && b.spec.Get(keyRegistryScanning) == nil:
			cfg := l.scanning[0]
			b.spec.Members = append(b.spec.Members, source.Member{Key: keyRegistryScanning, KeyRange: cfg.Range, Value: cfg})
		case b.res.Kind == resource.ECSCluster && len(l.accountSettings) > 0 && b.spec.Get(keyAccountSettings) == nil:
			list := &source.Node{Kind: source.Array, Range: l.accountSettings[0].Range, Items: l.accountSettings}
			b.spec.Members = append(b.spec.Members, source.Member{Key: keyAccountSettings, KeyRange: list.Range, Value: list})
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
