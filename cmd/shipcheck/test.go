package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/shipcheck/shipcheck/analyzer/engine"
	"github.com/shipcheck/shipcheck/analyzer/fixture"
)

func newTestCmd() *cobra.Command {
	var verbose bool
	c := &cobra.Command{
		Use:   "test DIR...",
		Short: "Run the Rego unit tests and fixture folders of custom rules",
		Long: `Run the tests of custom rules in DIR:

  - Rego unit tests (*_test.rego), with shipcheck's builtins and its Rego
    library (data.shipcheck.lib) available, as for the built-in rules;
  - fixture folders: a folder named after a rule ID (ORG001/) holding input
    files and a want.txt listing one "relative/path:line" per expected
    finding of that rule ("#" starts a comment). Files not listed must not
    yield the rule.

Exit codes: 0 all passed, 1 a test failed, 2 a policy did not compile.`,
		Example: `  shipcheck test policies/`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, dirs []string) error {
			return runTests(c, dirs, verbose)
		},
	}
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "list passing tests too")
	return c
}

func runTests(c *cobra.Command, dirs []string, verbose bool) error {
	ctx := c.Context()
	w := c.OutOrStdout()
	eng, err := engine.New(ctx, engine.Options{PolicyDirs: dirs})
	if err != nil {
		return &codeError{code: exitError, err: err}
	}
	tests, err := fixture.RegoTests(ctx, dirs)
	if err != nil {
		return &codeError{code: exitError, err: err}
	}
	failed := 0
	for _, t := range tests {
		failed += outcome(w, verbose, t.Err == "", "%s (%s)", t.Name, t.Location)
		if t.Err != "" && t.Err != "failed" {
			fmt.Fprintf(w, "      %s\n", t.Err)
		}
	}
	var fixtures []string
	for _, dir := range dirs {
		found, err := fixture.Find(dir)
		if err != nil {
			return &codeError{code: exitError, err: err}
		}
		fixtures = append(fixtures, found...)
	}
	for _, dir := range fixtures {
		o, err := fixture.Run(ctx, eng, dir)
		if err != nil {
			failed += outcome(w, verbose, false, "fixture %s: %v", dir, err)
			continue
		}
		failed += outcome(w, verbose, o.OK(), "fixture %s", dir)
		if !o.OK() {
			fmt.Fprint(w, indent(o.Explain())+"\n")
		}
	}
	fmt.Fprintf(w, "%d Rego tests, %d fixture folders: %d failed\n", len(tests), len(fixtures), failed)
	if len(tests)+len(fixtures) == 0 {
		return usageError("no Rego tests (*_test.rego) and no fixture folders (<RULEID>/want.txt) in %v", dirs)
	}
	if failed > 0 {
		return &codeError{code: exitFindings}
	}
	return nil
}

// outcome prints a test outcome (passing ones only when verbose) and
// returns 1 when it failed.
func outcome(w io.Writer, verbose, ok bool, format string, args ...any) int {
	if ok {
		if verbose {
			fmt.Fprintf(w, "PASS  "+format+"\n", args...)
		}
		return 0
	}
	fmt.Fprintf(w, "FAIL  "+format+"\n", args...)
	return 1
}
