package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/result"
)

func newRulesCmd() *cobra.Command {
	var format string
	var policies []string
	c := &cobra.Command{
		Use:   "rules",
		Short: "List every rule, from the rules' own metadata",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			eng, list, err := configuredRules(policies)
			if err != nil {
				return err
			}
			switch format {
			case "text":
				return listRules(c.OutOrStdout(), list)
			case "markdown":
				return markdownRules(c.OutOrStdout(), eng.Rules())
			case "json":
				enc := json.NewEncoder(c.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(list)
			}
			return usageError("unknown --format %q (want text, json or markdown)", format)
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "text", "text, json or markdown (the README's rule table)")
	c.PersistentFlags().StringArrayVarP(&policies, "policy", "p", nil, "directory of custom Rego rules (repeatable)")
	c.AddCommand(&cobra.Command{
		Use:   "explain ID",
		Short: "Explain one rule: why it matters and how to fix it",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			eng, err := engine.New(context.Background(), engine.Options{PolicyDirs: policies})
			if err != nil {
				return &codeError{code: exitError, err: err}
			}
			r, ok := eng.Rule(strings.ToUpper(args[0]))
			if !ok {
				return usageError("no rule %q; 'shipcheck rules' lists them", args[0])
			}
			explain(c.OutOrStdout(), r)
			return nil
		},
	})
	return c
}

func listRules(w io.Writer, rules []result.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tNAME\tKINDS\tTITLE")
	for _, r := range rules {
		name := r.Name
		if !r.Enabled {
			name += " (off)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, name, strings.Join(r.Kinds, ","), r.Title)
	}
	return tw.Flush()
}

func explain(w io.Writer, r result.Rule) {
	fmt.Fprintf(w, "%s  %s\n", r.ID, r.Title)
	state := "on by default"
	if !r.Enabled {
		state = "off by default; enable it in .shipcheck.yaml"
	}
	fmt.Fprintf(w, "severity: %s · name: %s · applies to: %s · %s\n\n", r.Severity, r.Name, strings.Join(r.Kinds, ", "), state)
	if r.Description != "" {
		fmt.Fprintf(w, "Why\n%s\n\n", indent(r.Description))
	}
	if r.Remediation != "" {
		fmt.Fprintf(w, "How to fix\n%s\n\n", indent(r.Remediation))
	}
	if len(r.Links) > 0 {
		fmt.Fprintln(w, "Learn more")
		for _, l := range r.Links {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n")
}

// markdownRules writes the rule table the README embeds.
func markdownRules(w io.Writer, rules []result.Rule) error {
	fmt.Fprintln(w, "| ID | name | severity | applies to | title |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, r := range rules {
		sev := r.Severity.String()
		if !r.Enabled {
			sev += " (off by default)"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", r.ID, r.Name, sev, strings.Join(r.Kinds, ", "), r.Title)
	}
	return nil
}
