package cli

import (
	"errors"
	"fmt"
	"io"
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

// SpecFile is the name of the spec in a project's root.
const SpecFile = "hoist.yaml"

type writeOptions struct {
	Force  bool
	DryRun bool
}

func (w *writeOptions) register(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&w.Force, "force", false, "replace existing files that differ")
	cmd.Flags().BoolVar(&w.DryRun, "dry-run", false, "write nothing; print a unified diff of what would change")
}

type initOptions struct {
	Dir string
	IaC string // also render infrastructure as code in this format
	writeOptions
}

func newInitCmd(deps *Deps) *cobra.Command {
	opts := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Analyze a repository and write hoist.yaml, Dockerfiles, compose.yaml, buildspec.yml and a deploy workflow",
		Long: `Init analyzes DIR (default: the current folder) and writes:

  hoist.yaml                     every service, and a database, cache, queue or
                                 bucket for each backing service the code implies
  <service>/Dockerfile           multi-stage, pinned, non-root (unless one exists)
  <context>/.dockerignore        keeps VCS, dependencies and secrets out of the build
  compose.yaml                   local development with the backing services
  buildspec.yml                  CodeBuild: build with a registry cache, push to ECR
  .github/workflows/deploy.yml   GitHub Actions with OIDC to an AWS role
  infra/<format>/                with --iac: CloudFormation for hoist.yaml

An existing hoist.yaml is used as it is and never rewritten. Files that exist and differ are never
replaced without --force; nothing is written at all in that case. Writes are
atomic. --dry-run prints a unified diff instead of writing.`,
		Example: `  $ hoist init
  $ hoist init examples/node-express --dry-run
  $ hoist init ~/src/shop --force -o json
  $ hoist init --iac cloudformation`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			return runInit(deps, opts)
		},
	}
	cmd.Flags().StringVar(&opts.IaC, "iac", "", "also write infrastructure as code to infra/<format>/: "+strings.Join(iacFormatNames(), ", "))
	opts.writeOptions.register(cmd)
	return cmd
}

// initResult is init's JSON view.
type initResult struct {
	Files []filewrite.Result `json:"files"`
	Notes []string           `json:"notes"`
}

func runInit(deps *Deps, opts *initOptions) error {
	if err := deps.checkOutput("text", "json"); err != nil {
		return err
	}
	a, err := analyze(deps, opts.Dir)
	if err != nil {
		return err
	}
	sp, specData, notes, err := projectSpec(a, opts.Dir)
	if err != nil {
		return err
	}
	files, fileNotes, err := artifactFiles(a, sp, opts.Dir, opts.Force)
	if err != nil {
		return err
	}
	notes = append(notes, fileNotes...)
	if specData != nil {
		files = append(files, filewrite.File{Path: SpecFile, Content: specData})
	}
	if opts.IaC != "" {
		infra, err := iacFiles(sp, opts.IaC, "")
		if err != nil {
			return err
		}
		files = append(files, infra...)
	}
	res, applyErr := filewrite.Apply(opts.Dir, files, filewrite.Options{Force: opts.Force, DryRun: opts.DryRun})
	if applyErr != nil && !errors.Is(applyErr, filewrite.ErrExists) {
		return applyErr
	}
	if notes == nil {
		notes = []string{}
	}
	if deps.Output == "json" {
		if err := writeJSON(deps.IO.Out, initResult{Files: res, Notes: notes}); err != nil {
			return err
		}
	} else {
		writeNotes(deps.IO.ErrOut, a.Notes)
		for _, n := range notes {
			fmt.Fprintf(deps.IO.ErrOut, "note: %s\n", n)
		}
		renderWrites(deps.IO.Out, res, opts.DryRun)
	}
	if applyErr != nil {
		return &UsageError{Err: applyErr}
	}
	return nil
}

// projectSpec returns the spec to generate from: the existing hoist.yaml if
// there is one (it is the user's and is never rewritten, not even with
// --force), else one made from the analysis together with its YAML to write.
func projectSpec(a *detect.Analysis, dir string) (*spec.Spec, []byte, []string, error) {
	specPath := filepath.Join(dir, SpecFile)
	if _, err := os.Stat(specPath); err == nil {
		doc, err := spec.Load(specPath)
		if err != nil {
			return nil, nil, nil, &UsageError{Err: err}
		}
		if errs := doc.Validate(); len(errs) > 0 {
			return nil, nil, nil, &UsageError{Err: errs}
		}
		return doc.Spec, nil, []string{SpecFile + " exists: generating from it (it is yours and never rewritten; delete it to start over)"}, nil
	}
	sp, notes := specFromAnalysis(a, dir)
	data, err := spec.Marshal(sp)
	if err != nil {
		return nil, nil, nil, err
	}
	return sp, data, notes, nil
}

// artifactFiles renders every artifact for the analysis and spec. Services
// with an existing Dockerfile keep it.
func artifactFiles(a *detect.Analysis, sp *spec.Spec, root string, force bool) ([]filewrite.File, []string, error) {
	var files []filewrite.File
	var notes []string
	ignores := map[string][]byte{} // build context -> .dockerignore
	var contexts []string
	for _, s := range a.Services {
		if s.Build.Dockerfile != "" && (s.Language == "docker" || !force && !generatedByHoist(root, s.Build.Dockerfile)) {
			notes = append(notes, fmt.Sprintf("%s: keeping your %s (--force replaces it with a generated one)", s.Name, s.Build.Dockerfile))
		} else {
			gen := s
			gen.Build.Dockerfile = "" // regenerate Hoist's own, or replace with --force
			df, err := artifact.Dockerfile(gen)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", s.Name, err)
			}
			files = append(files, filewrite.File{Path: path.Join(s.Path, "Dockerfile"), Content: df})
		}
		di := artifact.Dockerignore(s)
		ctx := s.Build.Context
		if prev, ok := ignores[ctx]; ok {
			ignores[ctx] = mergeLines(prev, di)
		} else {
			ignores[ctx] = di
			contexts = append(contexts, ctx)
		}
	}
	for _, ctx := range contexts {
		files = append(files, filewrite.File{Path: path.Join(ctx, ".dockerignore"), Content: ignores[ctx]})
	}
	full := withDefaults(sp)
	for _, g := range []struct {
		path string
		gen  func(*spec.Spec) ([]byte, error)
	}{
		{"compose.yaml", artifact.Compose},
		{"buildspec.yml", artifact.Buildspec},
		{".github/workflows/deploy.yml", artifact.Workflow},
	} {
		data, err := g.gen(full)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", g.path, err)
		}
		files = append(files, filewrite.File{Path: g.path, Content: data})
	}
	return files, notes, nil
}

// generatedByHoist reports whether the file at rel (under root) carries the
// header Hoist writes into the files it generates; such files are Hoist's to
// regenerate, while a hand-written one is kept unless --force.
func generatedByHoist(root, rel string) bool {
	f, err := os.Open(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	return strings.Contains(string(head[:n]), "Generated by hoist")
}

// withDefaults returns a copy of sp with every default filled in.
func withDefaults(sp *spec.Spec) *spec.Spec {
	c := spec.Clone(sp)
	spec.Defaults(c)
	return c
}

// mergeLines appends the lines of b that a lacks.
func mergeLines(a, b []byte) []byte {
	have := map[string]bool{}
	for _, l := range strings.Split(string(a), "\n") {
		have[l] = true
	}
	out := strings.TrimRight(string(a), "\n") + "\n"
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !have[l] {
			out += l + "\n"
			have[l] = true
		}
	}
	return []byte(out)
}

func renderWrites(w io.Writer, res []filewrite.Result, dryRun bool) {
	for _, r := range res {
		verb := string(r.Action)
		switch {
		case r.Action == filewrite.Skip:
			verb = "exists (differs)"
		case dryRun && r.Action != filewrite.Unchanged:
			verb = "would " + verb
		}
		fmt.Fprintf(w, "%-18s %s\n", verb, r.Path)
	}
	if dryRun {
		for _, r := range res {
			if r.Diff != "" {
				fmt.Fprintf(w, "\n%s", r.Diff)
			}
		}
	}
}
