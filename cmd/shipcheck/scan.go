package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/shipcheck/shipcheck/analyzer/baseline"
	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/report"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/scan"
	"github.com/shipcheck/shipcheck/analyzer/terraform"
)

type scanFlags struct {
	formats           []string
	outputs           []string
	failOn            string
	quiet             bool
	color             string
	typ               string
	maxFileSize       int64
	policies          []string
	exclude           []string
	workers           int
	filesFrom         string
	includeSuppressed bool
	tfVarFiles        []string
	tfVars            []string
	workflow          workflowFlags
}

func newScanCmd() *cobra.Command {
	var f scanFlags
	c := &cobra.Command{
		Use:   "scan [PATH...]",
		Short: "Scan files and directories (- for standard input)",
		Long: `Scan files and directories for deployment mistakes.

Directories are walked recursively (.git, node_modules, .terraform and vendor
are skipped). Use - to read standard input, with --type when the format cannot
be guessed, e.g.:  helm template ./chart | shipcheck scan --type kubernetes -

Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage error,
unreadable path or a file that failed to parse (after everything else was
scanned and reported).`,
		Example: `  shipcheck scan .
  shipcheck scan --format sarif --output shipcheck.sarif infra/ k8s/
  shipcheck scan --format text --format json --output - --output report.json .
  git diff --name-only | shipcheck scan --files-from -`,
		RunE: func(c *cobra.Command, args []string) error { return runScan(c, args, f) },
	}
	fl := c.Flags()
	fl.StringArrayVarP(&f.formats, "format", "f", nil, "output format: "+strings.Join(report.FormatNames(), ", ")+" (repeatable; default text)")
	fl.StringArrayVarP(&f.outputs, "output", "o", nil, "file for the matching --format (repeatable; - or omitted: standard output)")
	fl.StringVar(&f.failOn, "fail-on", defaultFailOn, "exit 1 when a finding is at least this severe: critical, high, medium, low, info or none")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print nothing on standard output; report through --output files and the exit code")
	fl.StringVar(&f.color, "color", "auto", "colour text output: auto, always or never (NO_COLOR is honoured)")
	fl.StringVarP(&f.typ, "type", "t", "", "force the input format: "+strings.Join(scan.Types, ", "))
	fl.Int64Var(&f.maxFileSize, "max-file-size", scan.DefaultMaxFileSize, "skip (with an error) files larger than this many bytes")
	fl.StringArrayVarP(&f.policies, "policy", "p", nil, "directory of custom Rego rules (repeatable)")
	fl.StringArrayVar(&f.exclude, "exclude", nil, "glob of paths to skip, e.g. 'testdata/**' (repeatable)")
	fl.IntVar(&f.workers, "workers", 0, "parallel workers (default: number of CPUs)")
	fl.StringVar(&f.filesFrom, "files-from", "", "read newline-separated paths from this file (- for standard input)")
	fl.StringArrayVar(&f.tfVarFiles, "tf-var-file", nil, "Terraform variable file, as terraform -var-file (repeatable)")
	fl.StringArrayVar(&f.tfVars, "tf-var", nil, "Terraform variable NAME=VALUE, as terraform -var (repeatable)")
	fl.BoolVar(&f.includeSuppressed, "include-suppressed", false, "also report suppressed findings (SARIF: with suppressions)")
	addWorkflowFlags(fl, &f.workflow)
	return c
}

// output is one requested report.
type output struct {
	format string
	path   string // "" or "-" is standard output
}

func runScan(c *cobra.Command, args []string, f scanFlags) error {
	outputs, err := planOutputs(f)
	if err != nil {
		return err
	}
	if _, err := parseFailOn(f.failOn); err != nil {
		return err
	}
	if f.typ != "" && !slices.Contains(scan.Types, f.typ) {
		return usageError("unknown --type %q (want one of %s)", f.typ, strings.Join(scan.Types, ", "))
	}
	paths, err := scanPaths(c, args, f.filesFrom)
	if err != nil {
		return err
	}
	tfOptions, err := terraformOptions(f)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(f.workflow.config, paths)
	if err != nil {
		return err
	}
	failOn, err := parseFailOn(effectiveFailOn(c, f.failOn, cfg))
	if err != nil {
		return usageError("%s: %v", cfg.File, err)
	}
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.Options{PolicyDirs: append(append([]string{}, cfg.Policies...), f.policies...)})
	if err != nil {
		return &codeError{code: exitError, err: err}
	}
	if err := checkConfig(cfg, eng); err != nil {
		return err
	}
	rep, err := scan.Run(ctx, scan.Options{
		Paths:       paths,
		Stdin:       c.InOrStdin(),
		Type:        f.typ,
		Engine:      eng,
		Workers:     f.workers,
		MaxFileSize: f.maxFileSize,
		Walked:      f.filesFrom != "" || f.workflow.skipUnsupported,
		Discover:    discoverOptions(f),
		Terraform:   mergeTerraform(cfg, tfOptions),

		Rules:           cfg.Rules,
		Excluded:        cfg.Excluded,
		Ignores:         cfg.Ignore,
		NoInlineIgnores: f.workflow.noInlineIgnores,
	})
	if err != nil {
		return &codeError{code: exitError, err: err}
	}
	if err := applyBaseline(rep, f.workflow); err != nil {
		return err
	}
	rep.Tool = result.Tool{Name: "shipcheck", Version: toolVersion(), URI: "https://github.com/shipcheck/shipcheck"}
	if err := writeOutputs(c, rep, outputs, f); err != nil {
		return &codeError{code: exitError, err: err}
	}
	if f.workflow.writeBaseline != "" {
		failOn = result.Critical + 1 // every finding was just accepted
	}
	return &codeError{code: exitCode(rep, failOn)}
}

func planOutputs(f scanFlags) ([]output, error) {
	formats := f.formats
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	if len(f.outputs) > len(formats) {
		return nil, usageError("%d --output values for %d --format values: give one --format per --output", len(f.outputs), len(formats))
	}
	var outs []output
	stdout := 0
	for i, name := range formats {
		if _, ok := report.Formats[name]; !ok {
			return nil, usageError("unknown --format %q (want one of %s)", name, strings.Join(report.FormatNames(), ", "))
		}
		o := output{format: name}
		if i < len(f.outputs) {
			o.path = f.outputs[i]
		}
		if o.path == "" || o.path == "-" {
			stdout++
		}
		outs = append(outs, o)
	}
	if stdout > 1 {
		return nil, usageError("%d formats would be written to standard output; give each but one an --output file", stdout)
	}
	return outs, nil
}

func parseFailOn(s string) (result.Severity, error) {
	if strings.EqualFold(s, "none") {
		return result.Critical + 1, nil
	}
	sev, err := result.ParseSeverity(s)
	if err != nil {
		return 0, usageError("--fail-on: %v (or none)", err)
	}
	return sev, nil
}

// deleted reports whether a listed path no longer exists: "git diff
// --name-only" lists deleted files, which have nothing left to scan.
func deleted(p string) bool {
	_, err := os.Lstat(p)
	return errors.Is(err, fs.ErrNotExist)
}

// scanPaths returns the paths to scan: the arguments, plus those listed
// by --files-from; "." when there are none.
func scanPaths(c *cobra.Command, args []string, filesFrom string) ([]string, error) {
	paths := append([]string(nil), args...)
	if filesFrom != "" {
		var r io.Reader
		if filesFrom == "-" {
			r = c.InOrStdin()
		} else {
			fh, err := os.Open(filesFrom)
			if err != nil {
				return nil, usageError("--files-from: %v", err)
			}
			defer fh.Close()
			r = fh
		}
		s := bufio.NewScanner(r)
		for s.Scan() {
			if p := strings.TrimSpace(s.Text()); p != "" && !deleted(p) {
				paths = append(paths, p)
			}
		}
		if err := s.Err(); err != nil {
			return nil, usageError("--files-from: %v", err)
		}
		if len(paths) == 0 {
			return nil, nil // nothing changed: nothing to scan
		}
	}
	if len(paths) == 0 && filesFrom == "" {
		paths = []string{"."}
	}
	return paths, nil
}

func writeOutputs(c *cobra.Command, rep *result.Report, outs []output, f scanFlags) error {
	base, _ := os.Getwd()
	for _, o := range outs {
		opts := report.Options{IncludeSuppressed: f.includeSuppressed, BaseDir: base, ToolVersion: toolVersion()}
		if o.path == "" || o.path == "-" {
			if f.quiet {
				continue
			}
			opts.Color = useColor(f.color, c.OutOrStdout())
			if err := report.Formats[o.format](c.OutOrStdout(), rep, opts); err != nil {
				return fmt.Errorf("write %s: %w", o.format, err)
			}
			continue
		}
		if err := writeFile(o, rep, opts); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(o output, rep *result.Report, opts report.Options) error {
	fh, err := os.Create(o.path)
	if err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	if err := report.Formats[o.format](fh, rep, opts); err != nil {
		fh.Close()
		return fmt.Errorf("write %s to %s: %w", o.format, o.path, err)
	}
	return fh.Close()
}

func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// exitCode is 2 when any file could not be analysed, 1 when a finding
// (neither suppressed nor in the baseline) reaches failOn, else 0.
func exitCode(rep *result.Report, failOn result.Severity) int {
	if len(rep.Errors) > 0 {
		return exitError
	}
	for _, f := range rep.Findings {
		if f.Suppression == nil && f.Baseline != baseline.Unchanged && f.Severity >= failOn {
			return exitFindings
		}
	}
	return exitOK
}

// terraformOptions reads --tf-var-file and --tf-var.
func terraformOptions(f scanFlags) (terraform.Options, error) {
	opts := terraform.Options{VarFiles: f.tfVarFiles, Vars: map[string]string{}}
	for _, kv := range f.tfVars {
		name, value, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(name) == "" {
			return opts, usageError("--tf-var %q: want NAME=VALUE", kv)
		}
		opts.Vars[strings.TrimSpace(name)] = value
	}
	return opts, nil
}
