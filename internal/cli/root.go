// Package cli is Hoist's command-line interface: commands, their options,
// views (text and JSON), exit codes and IO streams. It is one client of the
// core packages; nothing imports it. Each command has an options struct, a
// constructor taking the shared Deps, and a run function.
package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X .../internal/cli.Version=v1.2.3".
var Version = "dev"

// Deps are what every command shares.
type Deps struct {
	IO     *IOStreams
	Getenv func(string) string
	// Log is for debugging; it discards unless --verbose or HOIST_LOG is set.
	Log *slog.Logger
	// Global flags, resolved before any command runs.
	Output  string
	Verbose bool
	NoColor bool
}

// Color reports whether text output may use ANSI colors.
func (d *Deps) Color() bool {
	return !d.NoColor && d.Getenv("NO_COLOR") == "" && d.IO.OutTTY && d.Getenv("TERM") != "dumb"
}

// Main runs Hoist with the given arguments and returns the exit code.
func Main(args []string, io *IOStreams, getenv func(string) string) int {
	deps := &Deps{IO: io, Getenv: getenv, Log: slog.New(slog.DiscardHandler)}
	root := NewRootCmd(deps)
	root.SetArgs(args)
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	err := root.ExecuteContext(context.Background())
	if err != nil {
		var se *silentError
		var fe *FindingsError
		if !errors.As(err, &se) && !errors.As(err, &fe) {
			fmt.Fprintf(io.ErrOut, "hoist: %s\n", err)
		}
		code := exitCode(err)
		if code == ExitError && isFlagError(err) {
			code = ExitUsage
		}
		return code
	}
	return ExitOK
}

// isFlagError recognises cobra's own usage errors, which it returns untyped.
func isFlagError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown flag", "unknown shorthand flag", "unknown command", "invalid argument", "flag needs an argument", "accepts ", "requires at least", "requires at most", "received ", "if any flags in the group"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// NewRootCmd builds the command tree.
func NewRootCmd(deps *Deps) *cobra.Command {
	root := &cobra.Command{
		Use:   "hoist",
		Short: "From a repository or a description to a costed, policy-checked AWS deployment",
		Long: `Hoist reads a repository, finds its services and writes hoist.yaml, their
Dockerfiles, a compose.yaml for local development, a CodeBuild buildspec and a
GitHub Actions deploy workflow. It works offline, with no AWS account.`,
		Example: `  # See what Hoist finds in a repository
  $ hoist analyze examples/node-express

  # Write hoist.yaml, Dockerfile, buildspec.yml and a deploy workflow
  $ hoist init examples/node-express --dry-run`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return deps.resolve(cmd)
		},
	}
	pf := root.PersistentFlags()
	pf.StringVarP(&deps.Output, "output", "o", "text", "output format: text or json (some commands offer more)")
	pf.BoolVar(&deps.Verbose, "verbose", false, "log debugging detail to stderr")
	pf.BoolVar(&deps.NoColor, "no-color", false, "never use colors (also NO_COLOR)")
	markConfigurable(pf, "output", "verbose", "no-color")

	root.AddCommand(
		newVersionCmd(deps),
		newAnalyzeCmd(deps),
		newInitCmd(deps),
		newGenerateCmd(deps),
		newSchemaCmd(deps),
		newValidateCmd(deps),
		newNewCmd(deps),
		newChangeCmd(deps),
		newCostCmd(deps),
		newCheckCmd(deps),
		newPricesCmd(deps),
		newExitCodesTopic(),
	)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &UsageError{Err: err} })
	return root
}

// resolve applies config precedence and sets up logging.
func (d *Deps) resolve(cmd *cobra.Command) error {
	cf, err := loadConfig(configPath(d.Getenv))
	if err != nil {
		return err
	}
	if err := applyConfig(cmd, d.Getenv, cf); err != nil {
		return err
	}
	if d.Verbose || d.Getenv("HOIST_LOG") != "" {
		level := slog.LevelDebug
		d.Log = slog.New(slog.NewTextHandler(d.IO.ErrOut, &slog.HandlerOptions{Level: level}))
	}
	for _, w := range unknownConfigKeys(cmd.Root(), cf) {
		fmt.Fprintf(d.IO.ErrOut, "warning: %s\n", w)
	}
	return nil
}

// checkOutput validates --output against what a command offers.
func (d *Deps) checkOutput(allowed ...string) error {
	for _, a := range allowed {
		if d.Output == a {
			return nil
		}
	}
	return usageErrorf("--output %q is not offered here; use one of: %s", d.Output, strings.Join(allowed, ", "))
}

func newExitCodesTopic() *cobra.Command {
	var b strings.Builder
	b.WriteString("Hoist's exit codes:\n\n")
	for _, e := range exitCodeDocs {
		fmt.Fprintf(&b, "  %d  %s\n", e.Code, e.Text)
	}
	return &cobra.Command{
		Use:   "exit-codes",
		Short: "What Hoist's exit codes mean",
		Long:  strings.TrimRight(b.String(), "\n"),
	}
}

func newVersionCmd(deps *Deps) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print Hoist's version",
		Args:    cobra.NoArgs,
		Example: "  $ hoist version\n  $ hoist version -o json",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := deps.checkOutput("text", "json"); err != nil {
				return err
			}
			if deps.Output == "json" {
				return writeJSON(deps.IO.Out, map[string]any{"version": Version})
			}
			_, err := fmt.Fprintf(deps.IO.Out, "hoist %s\n", Version)
			return err
		},
	}
}
