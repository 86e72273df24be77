// Command shipcheck lints the files that describe how containers ship and
// run: ECS task definitions and services, Terraform, Kubernetes manifests
// and Dockerfiles. This package holds the command line only; the analysis
// lives in analyzer/.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC trades memory for speed unless the user set GOGC or GOMEMLIMIT: a
// scan is short-lived and most of its garbage is compiling the rules at
// start-up, where the default collector costs a third of a one-file scan.
// The soft memory limit brings collection back before a large scan grows.
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(400)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(512 << 20)
	}
}

// exitError carries an exit code through cobra.
type codeError struct {
	code int
	err  error
}

func (e *codeError) Error() string { return e.err.Error() }

// run executes the command line and returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ce *codeError
	if errors.As(err, &ce) {
		if ce.err != nil && ce.err.Error() != "" {
			fmt.Fprintln(stderr, "shipcheck:", ce.err)
		}
		return ce.code
	}
	fmt.Fprintln(stderr, "shipcheck:", err)
	return exitError
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "shipcheck",
		Short: "Lint ECS, Terraform, Kubernetes and Dockerfiles before they ship",
		Long: `shipcheck finds deployment mistakes in ECS task definitions and services,
Terraform, Kubernetes manifests and Dockerfiles, and reports them as text,
JSON, SARIF, JUnit, Checkstyle or GitHub annotations.`,
		Version:       toolVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("shipcheck {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &codeError{code: exitError, err: fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())}
	})
	root.AddCommand(newScanCmd(), newRulesCmd(), newVersionCmd(), newConfigCmd(), newTestCmd())
	return root
}

// toolVersion is the build's version: the ldflags value, else the module
// version Go recorded, else "dev".
func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "0.1.0-dev"
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			fmt.Fprintf(c.OutOrStdout(), "shipcheck %s\n", toolVersion())
			return nil
		},
	}
}

// usageError marks a mistake on the command line (exit code 2).
func usageError(format string, args ...any) error {
	return &codeError{code: exitError, err: fmt.Errorf(format, args...)}
}
