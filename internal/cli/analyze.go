package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hoist-dev/hoist/internal/detect"
	"github.com/spf13/cobra"
)

type analyzeOptions struct {
	Dir string
}

func newAnalyzeCmd(deps *Deps) *cobra.Command {
	opts := &analyzeOptions{}
	cmd := &cobra.Command{
		Use:   "analyze [DIR]",
		Short: "Find every deployable service in a repository and say how",
		Long: `Analyze walks a repository (skipping VCS folders, dependencies, virtual
environments and anything .gitignore excludes) and detects each deployable
service: language and version, package manager, framework, build and start
commands, port, the names of the environment variables the code reads, and
the backing services its dependencies imply. Every answer comes with the file
and line that decided it. Nothing is written.`,
		Example: `  $ hoist analyze
  $ hoist analyze examples/node-express
  $ hoist analyze ~/src/monorepo -o json | jq '.services[].name'`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			return runAnalyze(deps, opts)
		},
	}
	return cmd
}

func runAnalyze(deps *Deps, opts *analyzeOptions) error {
	if err := deps.checkOutput("text", "json"); err != nil {
		return err
	}
	a, err := analyze(deps, opts.Dir)
	if err != nil {
		return err
	}
	if deps.Output == "json" {
		return writeJSON(deps.IO.Out, a)
	}
	writeNotes(deps.IO.ErrOut, a.Notes)
	return renderAnalysis(deps.IO.Out, a)
}

// analyze runs detection and maps its errors to what the user needs.
func analyze(deps *Deps, dir string) (*detect.Analysis, error) {
	deps.Log.Debug("analyze", "dir", dir)
	a, err := detect.Analyze(dir)
	switch {
	case errors.Is(err, detect.ErrNoServices):
		writeNotes(deps.IO.ErrOut, a.Notes)
		return nil, usageErrorf("%s: no deployable service found (looked at %d files); Hoist recognises Node, Python, Go, Java, Ruby, PHP, Rust, .NET, Deno, Elixir, static sites and Dockerfiles", dir, a.Files)
	case errors.Is(err, detect.ErrNotDir):
		return nil, usageErrorf("%s: not a directory", dir)
	case err != nil:
		return nil, &UsageError{Err: err}
	}
	deps.Log.Debug("analyzed", "files", a.Files, "services", len(a.Services))
	return a, nil
}

func writeNotes(w io.Writer, notes []detect.Note) {
	for _, n := range notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
}

func renderAnalysis(w io.Writer, a *detect.Analysis) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d service(s) found\n", len(a.Services))
	for _, s := range a.Services {
		fmt.Fprintf(&b, "\n%s (%s)\n", s.Name, s.Path)
		row := func(k, v string) {
			if v != "" {
				fmt.Fprintf(&b, "  %-17s %s\n", k+":", v)
			}
		}
		lang := s.Language
		if s.LanguageVersion != "" {
			lang += " " + s.LanguageVersion
		}
		row("kind", s.Kind)
		row("language", lang)
		row("package manager", s.PackageManager)
		row("framework", s.Framework)
		row("build", s.BuildCommand)
		row("start", s.StartCommand)
		if s.Port != 0 {
			row("port", fmt.Sprint(s.Port))
		}
		row("dockerfile", s.Build.Dockerfile)
		row("env", strings.Join(s.Env, ", "))
		var bs []string
		for _, x := range s.BackingServices {
			bs = append(bs, x.Kind)
		}
		row("backing services", strings.Join(bs, ", "))
		if len(s.Evidence) > 0 {
			b.WriteString("  evidence:\n")
			for _, e := range s.Evidence {
				loc := e.File
				if e.Line > 0 {
					loc = fmt.Sprintf("%s:%d", e.File, e.Line)
				}
				fmt.Fprintf(&b, "    %-17s %s: %s\n", e.Field, loc, e.Reason)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
