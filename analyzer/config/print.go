package config

import (
	"fmt"
	"io"
	"time"

	"gopkg.in/yaml.v3"
)

// printed is the configuration as "shipcheck config print" shows it: the
// same shape as the file, with paths resolved and defaults filled in.
type printed struct {
	Rules     map[string]printedRule `yaml:"rules,omitempty"`
	Exclude   []string               `yaml:"exclude,omitempty"`
	Ignore    []printedIgnore        `yaml:"ignore,omitempty"`
	Policies  []string               `yaml:"policies,omitempty"`
	FailOn    string                 `yaml:"fail-on"`
	Terraform *Terraform             `yaml:"terraform,omitempty"`
}

type printedRule struct {
	Enabled  *bool  `yaml:"enabled,omitempty"`
	Severity string `yaml:"severity,omitempty"`
}

type printedIgnore struct {
	Path     string   `yaml:"path,omitempty"`
	Rules    []string `yaml:"rules,omitempty"`
	Resource string   `yaml:"resource,omitempty"`
	Reason   string   `yaml:"reason,omitempty"`
	Until    string   `yaml:"until,omitempty"`
}

// Print writes the effective configuration as YAML, with a comment naming
// the file it came from. failOn is the value in effect.
func (c *Config) Print(w io.Writer, failOn string) error {
	if c.File == "" {
		fmt.Fprintln(w, "# no configuration file: built-in defaults")
	} else {
		fmt.Fprintf(w, "# from %s\n", c.File)
	}
	p := printed{Exclude: c.Exclude, Policies: c.Policies, FailOn: failOn}
	if len(c.Rules) > 0 {
		p.Rules = map[string]printedRule{}
		for id, r := range c.Rules {
			pr := printedRule{Enabled: r.Enabled}
			if r.Severity != 0 {
				pr.Severity = r.Severity.String()
			}
			p.Rules[id] = pr
		}
	}
	for _, ig := range c.Ignore {
		pi := printedIgnore{Path: ig.Path, Rules: ig.Rules, Resource: ig.Resource, Reason: ig.Reason}
		if !ig.Until.IsZero() {
			pi.Until = ig.Until.Format(time.DateOnly)
		}
		p.Ignore = append(p.Ignore, pi)
	}
	if len(c.Terraform.VarFiles) > 0 || len(c.Terraform.Vars) > 0 {
		p.Terraform = &c.Terraform
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(p); err != nil {
		return fmt.Errorf("print configuration: %w", err)
	}
	return enc.Close()
}
