package cli

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/hoist-dev/hoist/internal/artifact"
	"github.com/hoist-dev/hoist/internal/detect"
	"github.com/hoist-dev/hoist/internal/filewrite"
	"github.com/hoist-dev/hoist/internal/spec"
	"github.com/spf13/cobra"
)

type generateOptions struct {
	Artifact string
	Dir      string
	Service  string
	Write    bool
	Format   string // iac only
	Out      string // iac only: output folder relative to DIR
	writeOptions
}

// artifactKinds are what `hoist generate` can produce, in help order.
var artifactKinds = []string{"dockerfile", "dockerignore", "compose", "buildspec", "workflow", "iac"}

func newGenerateCmd(deps *Deps) *cobra.Command {
	opts := &generateOptions{}
	cmd := &cobra.Command{
		Use:   "generate ARTIFACT [DIR]",
		Short: "Generate one artifact: " + strings.Join(artifactKinds, ", "),
		Long: `Generate renders one artifact for the repository in DIR (default: the current
folder) and prints it to stdout, or writes it with --write.

  dockerfile     a Dockerfile for one service (--service when there are several)
  dockerignore   the .dockerignore for that service's build context
  compose        compose.yaml for local development
  buildspec      buildspec.yml for AWS CodeBuild
  workflow       .github/workflows/deploy.yml for GitHub Actions
  iac            infrastructure as code for hoist.yaml (--format; written to
                 infra/<format>/ with --write, or to --out)

compose, buildspec, workflow and iac are made from hoist.yaml when DIR has
one, and from the analysis otherwise.`,
		Example: `  $ hoist generate dockerfile examples/node-express
  $ hoist generate dockerfile --service api --write
  $ hoist generate buildspec > buildspec.yml
  $ hoist generate workflow --write --dry-run
  $ hoist generate iac --format cloudformation > template.yaml
  $ hoist generate iac --format cloudformation --out infra/cfn`,
		Args:      cobra.RangeArgs(1, 2),
		ValidArgs: artifactKinds,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Artifact = args[0]
			opts.Dir = "."
			if len(args) == 2 {
				opts.Dir = args[1]
			}
			return runGenerate(deps, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Service, "service", "", "the service to generate for (dockerfile, dockerignore)")
	cmd.Flags().BoolVar(&opts.Write, "write", false, "write the file into DIR instead of printing it")
	cmd.Flags().StringVar(&opts.Format, "format", "cloudformation", "iac format: "+strings.Join(iacFormatNames(), ", "))
	cmd.Flags().StringVar(&opts.Out, "out", "", "iac: write into this folder (relative to DIR; implies --write)")
	markConfigurable(cmd.Flags(), "format")
	opts.writeOptions.register(cmd)
	return cmd
}

func runGenerate(deps *Deps, opts *generateOptions) error {
	if err := deps.checkOutput("text", "json"); err != nil {
		return err
	}
	known := false
	for _, k := range artifactKinds {
		known = known || k == opts.Artifact
	}
	if !known {
		return usageErrorf("unknown artifact %q; choose one of: %s", opts.Artifact, strings.Join(artifactKinds, ", "))
	}
	if opts.Out != "" {
		if opts.Artifact != "iac" {
			return usageErrorf("--out goes with iac")
		}
		opts.Write = true
	}
	if (opts.Force || opts.DryRun) && !opts.Write {
		return usageErrorf("--force and --dry-run go with --write")
	}
	files, err := generateArtifact(deps, opts)
	if err != nil {
		return err
	}
	if !opts.Write {
		if deps.Output == "json" {
			return writeJSON(deps.IO.Out, generateResult{Files: contents(files)})
		}
		for _, f := range files {
			if len(files) > 1 {
				fmt.Fprintf(deps.IO.Out, "# --- %s ---\n", f.Path)
			}
			if _, err := deps.IO.Out.Write(f.Content); err != nil {
				return err
			}
		}
		return nil
	}
	res, applyErr := filewrite.Apply(opts.Dir, files, filewrite.Options{Force: opts.Force, DryRun: opts.DryRun})
	if applyErr != nil && !errors.Is(applyErr, filewrite.ErrExists) {
		return applyErr
	}
	if deps.Output == "json" {
		if err := writeJSON(deps.IO.Out, initResult{Files: res, Notes: []string{}}); err != nil {
			return err
		}
	} else {
		renderWrites(deps.IO.Out, res, opts.DryRun)
	}
	if applyErr != nil {
		return &UsageError{Err: applyErr}
	}
	return nil
}

// generateResult is generate's JSON view without --write.
type generateResult struct {
	Files []fileContent `json:"files"`
}

type fileContent struct {
	Path    string `json:"path"`
	Content string `json:"content"`
}

func contents(files []filewrite.File) []fileContent {
	out := []fileContent{}
	for _, f := range files {
		out = append(out, fileContent{f.Path, string(f.Content)})
	}
	return out
}

func generateArtifact(deps *Deps, opts *generateOptions) ([]filewrite.File, error) {
	a, err := analyze(deps, opts.Dir)
	if err != nil {
		return nil, err
	}
	switch opts.Artifact {
	case "dockerfile", "dockerignore":
		s, err := pickService(a, opts.Service)
		if err != nil {
			return nil, err
		}
		if opts.Artifact == "dockerignore" {
			return []filewrite.File{{Path: path.Join(s.Build.Context, ".dockerignore"), Content: artifact.Dockerignore(s)}}, nil
		}
		if s.Build.Dockerfile != "" && !opts.Force && !generatedByHoist(opts.Dir, s.Build.Dockerfile) {
			return nil, usageErrorf("%s already has %s; Hoist keeps it (use --write --force to replace it with a generated one)", s.Name, s.Build.Dockerfile)
		}
		s.Build.Dockerfile = ""
		data, err := artifact.Dockerfile(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Name, err)
		}
		return []filewrite.File{{Path: path.Join(s.Path, "Dockerfile"), Content: data}}, nil
	}
	sp, err := specForGenerate(a, opts.Dir)
	if err != nil {
		return nil, err
	}
	if opts.Artifact == "iac" {
		return iacFiles(sp, opts.Format, opts.Out)
	}
	full := withDefaults(sp)
	var data []byte
	var p string
	switch opts.Artifact {
	case "compose":
		p = "compose.yaml"
		data, err = artifact.Compose(full)
	case "buildspec":
		p = "buildspec.yml"
		data, err = artifact.Buildspec(full)
	case "workflow":
		p = ".github/workflows/deploy.yml"
		data, err = artifact.Workflow(full)
	}
	if err != nil {
		return nil, err
	}
	return []filewrite.File{{Path: p, Content: data}}, nil
}

// specForGenerate loads DIR/hoist.yaml, or derives a spec from the analysis.
func specForGenerate(a *detect.Analysis, dir string) (*spec.Spec, error) {
	p := filepath.Join(dir, SpecFile)
	if _, err := os.Stat(p); err != nil {
		sp, _ := specFromAnalysis(a, dir)
		return sp, nil
	}
	doc, err := spec.Load(p)
	if err != nil {
		return nil, &UsageError{Err: err}
	}
	if errs := doc.Validate(); len(errs) > 0 {
		return nil, &UsageError{Err: errs}
	}
	return doc.Spec, nil
}

func pickService(a *detect.Analysis, name string) (detect.Service, error) {
	var names []string
	for _, s := range a.Services {
		if s.Name == name || (name == "" && len(a.Services) == 1) {
			return s, nil
		}
		names = append(names, s.Name)
	}
	if name == "" {
		return detect.Service{}, usageErrorf("%d services found; choose one with --service: %s", len(a.Services), strings.Join(names, ", "))
	}
	return detect.Service{}, usageErrorf("no service %q; found: %s", name, strings.Join(names, ", "))
}
