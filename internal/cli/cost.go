package cli

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hoist-dev/hoist/internal/cost"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/load"
	"github.com/hoist-dev/hoist/internal/prices"
)

type costOptions struct {
	Path          string
	Region        string
	UsageFile     string
	CompareTo     string
	FreeTier      bool
	UsageTemplate bool
}

func newCostCmd(deps *Deps) *cobra.Command {
	opts := &costOptions{}
	cmd := &cobra.Command{
		Use:   "cost PATH",
		Short: "Estimate the monthly cost of a stack before it exists, and the change an edit makes",
		Long: `Cost prices a stack offline: a CloudFormation template, a Terraform folder,
a Terraform plan JSON (terraform show -json), a cdk.out folder, a hoist.yaml,
or a folder holding any of them. Every resource is read through Hoist's IR, so
the same stack prices the same whatever it is written in.

Prices come from a snapshot built into Hoist (its date is printed with every
estimate), or from the one 'hoist prices refresh' wrote into the cache. Months
are 730 hours; free tiers are not applied unless --free-tier; public IPv4
addresses are charged explicitly. Usage-based lines (GB stored, requests, data
processed) cost nothing until a usage file says how much: such lines show
"depends on usage" with their unit price. A usage file is Hoist's
hoist-usage.yml (a hoist-usage.yml beside PATH is read by default) or
Infracost's infracost-usage.yml (version 0.1); --usage-template writes one
listing every usage key of the stack.

Resources AWS does not charge for are listed as free; types Hoist cannot
price are listed as unsupported, never dropped.

--compare-to prices a second path (or the same PATH at a git commit, with
git:REF) and shows the difference, resource by resource.

Output (-o): table (the default; also "text"), json, markdown (a pull-request
comment) or html (one self-contained page).`,
		Example: `  $ hoist cost infra/template.yaml
  $ hoist cost hoist.yaml --region eu-west-1
  $ hoist cost infra/ --usage hoist-usage.yml -o json
  $ hoist cost infra/ --compare-to git:main -o markdown > comment.md
  $ hoist cost plan.json -o html > cost.html
  $ hoist cost infra/ --usage-template > hoist-usage.yml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			return runCost(deps, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Region, "region", "", "AWS region to price in (default: a hoist.yaml's region, else us-east-1)")
	f.StringVar(&opts.UsageFile, "usage", "", "usage file: hoist-usage.yml or infracost-usage.yml")
	f.StringVar(&opts.CompareTo, "compare-to", "", "a path, or git:REF for PATH at a commit, to compare with")
	f.BoolVar(&opts.FreeTier, "free-tier", false, "apply AWS's monthly free allowances")
	f.BoolVar(&opts.UsageTemplate, "usage-template", false, "print a usage file listing the stack's usage keys, and stop")
	markConfigurable(f, "region", "free-tier")
	return cmd
}

func runCost(deps *Deps, opts *costOptions) error {
	format := deps.Output
	if format == "text" {
		format = "table"
	}
	switch format {
	case "table", "json", "markdown", "html":
	default:
		return usageErrorf("--output %q is not offered here; use one of: table, json, markdown, html", deps.Output)
	}
	graphs, region, err := loadGraphs(opts.Path)
	if err != nil {
		return err
	}
	// The region: --region (or HOIST_REGION, or the config file), else
	// the region a hoist.yaml names, else us-east-1.
	switch {
	case opts.Region != "":
	case region != "":
		opts.Region = region
	default:
		opts.Region = "us-east-1"
	}
	if opts.UsageTemplate {
		_, err := deps.IO.Out.Write(cost.UsageTemplate(graphs))
		return err
	}
	catalog, err := prices.Load(userCacheDir(deps.Getenv))
	if err != nil {
		return err
	}
	co := cost.Options{Region: opts.Region, FreeTier: opts.FreeTier, Catalog: catalog}
	usagePath := opts.UsageFile
	if usagePath == "" {
		usagePath = defaultUsageFile(opts.Path)
		if usagePath != "" {
			fmt.Fprintf(deps.IO.ErrOut, "reading usage from %s\n", usagePath)
		}
	}
	if usagePath != "" {
		data, err := os.ReadFile(usagePath)
		if err != nil {
			return &UsageError{Err: err}
		}
		u, warns, err := cost.ParseUsage(usagePath, data)
		if err != nil {
			return &UsageError{Err: err}
		}
		for _, w := range warns {
			fmt.Fprintf(deps.IO.ErrOut, "warning: %s\n", w.String())
		}
		co.Usage = u
	}
	rep, err := cost.Estimate(graphs, co)
	if err != nil {
		return &UsageError{Err: err}
	}
	if opts.CompareTo != "" {
		pastGraphs, cleanup, err := loadCompare(opts.Path, opts.CompareTo)
		if cleanup != nil {
			defer cleanup()
		}
		if err != nil {
			return err
		}
		past, err := cost.Estimate(pastGraphs, co)
		if err != nil {
			return &UsageError{Err: err}
		}
		rep = cost.Compare(past, rep)
	}
	switch format {
	case "json":
		var buf bytes.Buffer
		if err := rep.WriteJSON(&buf); err != nil {
			return err
		}
		_, err = deps.IO.Out.Write(buf.Bytes())
		return err
	case "markdown":
		return rep.WriteMarkdown(deps.IO.Out)
	case "html":
		return rep.WriteHTML(deps.IO.Out)
	}
	return rep.WriteTable(deps.IO.Out, deps.Color())
}

// loadGraphs reads every stack under path. A unit that does not parse is
// bad input: its error names the file and line.
// The region is the one a hoist.yaml under path names, if any.
func loadGraphs(path string) ([]*ir.Graph, string, error) {
	inputs, err := loadPath(path, load.Options{})
	if err != nil {
		return nil, "", err
	}
	var graphs []*ir.Graph
	var errs []error
	region := ""
	for _, in := range inputs {
		if in.Err != nil {
			errs = append(errs, in.Err)
			continue
		}
		if region == "" {
			region = in.Region
		}
		graphs = append(graphs, in.Graphs...)
	}
	if len(errs) > 0 {
		return nil, "", &UsageError{Err: errors.Join(errs...)}
	}
	return graphs, region, nil
}

// loadPath is load.Path with a path that gives nothing to read reported
// as bad input.
func loadPath(path string, o load.Options) ([]load.Input, error) {
	inputs, err := load.Path(path, o)
	if errors.Is(err, load.ErrNotFound) || errors.Is(err, load.ErrNothing) {
		return nil, &UsageError{Err: err}
	}
	return inputs, err
}

// defaultUsageFile is the hoist-usage.yml beside path, when there is one.
func defaultUsageFile(path string) string {
	dir := path
	if st, err := os.Stat(path); err == nil && !st.IsDir() {
		dir = filepath.Dir(path)
	}
	for _, name := range []string{"hoist-usage.yml", "hoist-usage.yaml"} {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// loadCompare loads what --compare-to names: another path, or path itself
// at a git commit (git:REF), extracted into a temporary folder.
func loadCompare(path, to string) ([]*ir.Graph, func(), error) {
	ref, ok := strings.CutPrefix(to, "git:")
	if !ok {
		g, _, err := loadGraphs(to)
		return g, nil, err
	}
	dir, at, err := gitExtract(path, ref)
	cleanup := func() { os.RemoveAll(dir) }
	if err != nil {
		return nil, cleanup, err
	}
	g, _, err := loadGraphs(at)
	if err != nil {
		return nil, cleanup, fmt.Errorf("%s at %s: %w", path, ref, err)
	}
	return g, cleanup, nil
}

// gitExtract writes the files of path's folder at ref (git archive) into
// a new temporary folder out, keeping their paths relative to the
// repository's top, and returns out and where path is inside it.
func gitExtract(path, ref string) (out, at string, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", "", err
	}
	dir := abs
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		dir = filepath.Dir(abs)
	}
	topOut, err := gitOutput(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", "", usageErrorf("--compare-to git:%s: %s is not in a git repository", ref, path)
	}
	top := strings.TrimSpace(string(topOut))
	relDir, err := filepath.Rel(top, dir)
	if err != nil {
		return "", "", err
	}
	relPath, err := filepath.Rel(top, abs)
	if err != nil {
		return "", "", err
	}
	archive, err := gitOutput(top, "archive", "--format=tar", ref, "--", filepath.ToSlash(relDir))
	if err != nil {
		return "", "", usageErrorf("--compare-to git:%s: %v", ref, err)
	}
	if out, err = os.MkdirTemp("", "hoist-compare-"); err != nil {
		return "", "", err
	}
	at = filepath.Join(out, relPath)
	tr := tar.NewReader(bytes.NewReader(archive))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, at, err
		}
		target := filepath.Join(out, filepath.FromSlash(h.Name))
		if !strings.HasPrefix(target, out+string(filepath.Separator)) {
			continue // a path that escapes the folder
		}
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return out, at, err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return out, at, err
			}
			data, err := io.ReadAll(tr)
			if err != nil {
				return out, at, err
			}
			if err := os.WriteFile(target, data, 0o644); err != nil {
				return out, at, err
			}
		}
	}
	return out, at, nil
}

func gitOutput(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	return out, nil
}
