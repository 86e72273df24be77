package main

import (
	"context"
	"maps"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/shipcheck/shipcheck/analyzer/baseline"
	"github.com/shipcheck/shipcheck/analyzer/config"
	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/terraform"
)

// defaultFailOn is --fail-on when neither the flag nor the configuration
// sets it.
const defaultFailOn = "low"

// workflowFlags are the flags that fit a scan into a team's workflow:
// configuration, suppressions and baselines.
type workflowFlags struct {
	config          string
	noInlineIgnores bool
	baseline        string
	writeBaseline   string
	skipUnsupported bool
}

func addWorkflowFlags(fl *pflag.FlagSet, w *workflowFlags) {
	fl.StringVarP(&w.config, "config", "c", "", "configuration file (default: .shipcheck.yaml or .shipcheck.yml in the scanned folder or above, up to the repository root)")
	fl.BoolVar(&w.noInlineIgnores, "no-inline-ignores", false, "ignore every shipcheck:ignore comment and shipcheck.dev/ignore annotation (audits)")
	fl.StringVar(&w.baseline, "baseline", "", "baseline file: its findings are reported as unchanged and do not fail the scan")
	fl.StringVar(&w.writeBaseline, "write-baseline", "", "write the reported findings to this baseline file; the scan then fails only when a file could not be analysed")
	fl.BoolVar(&w.skipUnsupported, "skip-unsupported", false, "skip named files that are not a supported input instead of reporting them (for pre-commit, which passes every changed file)")
}

// loadConfig reads --config, or the configuration file found from the
// first scanned path upwards. A missing file is an empty configuration;
// a malformed one is a usage error naming its line.
func loadConfig(explicit string, paths []string) (*config.Config, error) {
	file := explicit
	if file == "" {
		found, err := config.Find(scanRoot(paths))
		if err != nil {
			return nil, usageError("%v", err)
		}
		file = found
	}
	if file == "" {
		return &config.Config{Rules: map[string]config.Rule{}}, nil
	}
	cfg, err := config.Load(file)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return cfg, nil
}

// scanRoot is the folder the configuration is looked up from: the first
// scanned folder, or the folder of the first scanned file.
func scanRoot(paths []string) string {
	for _, p := range paths {
		if p == "-" {
			continue
		}
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			return p
		}
		return filepath.Dir(p)
	}
	return "."
}

// checkConfig reports rule IDs of the configuration that no loaded rule
// has (the custom policies included).
func checkConfig(cfg *config.Config, eng *engine.Engine) error {
	err := cfg.Check(func(id string) bool { _, ok := eng.Rule(id); return ok })
	if err != nil {
		return usageError("%v", err)
	}
	return nil
}

// effectiveFailOn is --fail-on when given, else the configuration's.
func effectiveFailOn(c *cobra.Command, flag string, cfg *config.Config) string {
	if c.Flags().Changed("fail-on") || cfg.FailOn == "" {
		return flag
	}
	return cfg.FailOn
}

// mergeTerraform puts the configuration's variables under the command
// line's: later var files and -var values win, as in terraform.
func mergeTerraform(cfg *config.Config, flags terraform.Options) terraform.Options {
	out := terraform.Options{VarFiles: append(append([]string{}, cfg.Terraform.VarFiles...), flags.VarFiles...), Vars: map[string]string{}}
	maps.Copy(out.Vars, cfg.Terraform.Vars)
	maps.Copy(out.Vars, flags.Vars)
	return out
}

// applyBaseline marks findings new or unchanged and writes a baseline.
func applyBaseline(rep *result.Report, w workflowFlags) error {
	if w.baseline != "" {
		b, err := baseline.Read(w.baseline)
		if err != nil {
			return usageError("%v", err)
		}
		b.Apply(rep)
	}
	if w.writeBaseline != "" {
		if err := baseline.Write(w.writeBaseline, rep); err != nil {
			return &codeError{code: exitError, err: err}
		}
	}
	return nil
}

func newConfigCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "config",
		Short: "Show the configuration",
	}
	var file string
	print := &cobra.Command{
		Use:   "print [PATH]",
		Short: "Print the effective configuration for a scan of PATH (default .)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			cfg, err := loadConfig(file, args)
			if err != nil {
				return err
			}
			if len(cfg.Policies) > 0 || len(cfg.Rules) > 0 {
				eng, err := engine.New(c.Context(), engine.Options{PolicyDirs: cfg.Policies})
				if err != nil {
					return &codeError{code: exitError, err: err}
				}
				if err := checkConfig(cfg, eng); err != nil {
					return err
				}
			}
			failOn := cfg.FailOn
			if failOn == "" {
				failOn = defaultFailOn
			}
			return cfg.Print(c.OutOrStdout(), failOn)
		},
	}
	print.Flags().StringVarP(&file, "config", "c", "", "configuration file (default: found from PATH upwards)")
	c.AddCommand(print)
	return c
}

// configuredRules loads the rules a scan of the working directory would
// run: the built-in ones, the configuration's policies and the --policy
// folders, switched on or off as the configuration says.
func configuredRules(policies []string) (*engine.Engine, []result.Rule, error) {
	cfg, err := loadConfig("", nil)
	if err != nil {
		return nil, nil, err
	}
	eng, err := engine.New(context.Background(), engine.Options{PolicyDirs: append(append([]string{}, cfg.Policies...), policies...)})
	if err != nil {
		return nil, nil, &codeError{code: exitError, err: err}
	}
	if err := checkConfig(cfg, eng); err != nil {
		return nil, nil, err
	}
	list := eng.Rules()
	for i := range list {
		list[i].Enabled = cfg.Enabled(list[i].ID, list[i].Enabled)
		if o := cfg.Rules[list[i].ID]; o.Severity != 0 {
			list[i].Severity = o.Severity
		}
	}
	return eng, list, nil
}
