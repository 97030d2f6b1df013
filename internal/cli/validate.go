package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hoist-dev/hoist/internal/validate"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	Path             string
	DetailedExitcode bool
}

func newValidateCmd(deps *Deps) *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate PATH",
		Short: "Check CloudFormation templates and Terraform configurations offline, with file:line:col for every finding",
		Long: `Validate checks a CloudFormation template or a Terraform configuration, or
every one in a folder and its subfolders, without an AWS account. Templates
are YAML or JSON files with a top-level Resources or AWSTemplateFormatVersion
key; the .tf files of one folder are one Terraform configuration. Hidden
folders (.terraform among them), node_modules and vendor are skipped; a
folder with both validates both. A CDK cloud assembly (cdk.out: a
manifest.json with stack artifacts) validates each stack's template once.

CloudFormation:

  - YAML/JSON syntax and the template's sections
  - resource types and properties against the embedded AWS resource schema:
    unknown types and properties (with "did you mean"), missing required
    properties, values of the wrong type
  - Ref, Fn::GetAtt, ${} in Fn::Sub, DependsOn, conditions and mappings that
    point at nothing, and GetAtt attributes the resource type does not have
  - malformed intrinsic functions (wrong arguments, unknown Fn:: names)

Every branch of Fn::If and every conditional resource is checked.

Terraform (AWS provider 6.x schema, embedded):

  - HCL syntax
  - resource and data source types, arguments and blocks: unknown ones
    (with "did you mean"), missing required ones, a block written as an
    argument or the reverse, too many blocks, computed-only attributes set
  - references (var, local, module, data, resources) that point at nothing,
    and attributes a type or a local module's outputs do not have
  - local modules (source "./..." or "../..."): their folders are validated
    too, and the inputs passed to them; remote modules are skipped with an
    info note

Findings print as "file:line:col: severity: message [rule]" on stdout, sorted
by file and line, with a summary on stderr. Exit status: 0 when there is no
error (warnings and info notes allowed), 2 when any file has an error; with
--detailed-exitcode, warnings also exit 2. A missing PATH exits 3.`,
		Example: `  $ hoist validate infra/template.yaml
  $ hoist validate infra/
  $ hoist validate infra/tf
  $ hoist validate cdk.out -o json | jq '.findings[] | select(.severity == "error")'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			return runValidate(deps, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.DetailedExitcode, "detailed-exitcode", false, "exit 2 on warnings too")
	return cmd
}

// validateView is the JSON output of hoist validate.
type validateView struct {
	FormatVersion string             `json:"format_version"`
	Valid         bool               `json:"valid"`
	Findings      []validate.Finding `json:"findings"`
}

func runValidate(deps *Deps, opts *validateOptions) error {
	if err := deps.checkOutput("text", "json"); err != nil {
		return err
	}
	vo := validate.Options{}
	deps.Log.Debug("validate", "path", opts.Path)
	rep, err := validate.Path(opts.Path, vo)
	switch {
	case errors.Is(err, validate.ErrNotFound), errors.Is(err, validate.ErrUnrecognized), errors.Is(err, validate.ErrNothing):
		return &UsageError{Err: err}
	case err != nil:
		return err
	}
	if deps.Output == "json" {
		if err := writeJSON(deps.IO.Out, validateView{FormatVersion: FormatVersion, Valid: rep.Valid(), Findings: rep.Findings}); err != nil {
			return err
		}
	} else {
		if err := renderFindings(deps.IO.Out, rep.Findings); err != nil {
			return err
		}
		fmt.Fprintln(deps.IO.ErrOut, validateSummary(rep))
	}
	switch {
	case !rep.Valid():
		return &FindingsError{Summary: validateSummary(rep)}
	case opts.DetailedExitcode && rep.Warnings() > 0:
		return &FindingsError{Summary: validateSummary(rep)}
	}
	return nil
}

func renderFindings(w io.Writer, findings []validate.Finding) error {
	var b strings.Builder
	for _, f := range findings {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func validateSummary(rep *validate.Report) string {
	// CloudFormation's unit is a template; once Terraform is in the
	// report, files.
	word := "template"
	for _, f := range rep.Files {
		if strings.HasSuffix(f, ".tf") {
			word = "file"
		}
	}
	files := validateCount(len(rep.Files), word)
	if len(rep.Findings) == 0 {
		return files + " valid"
	}
	verdict := "valid"
	if !rep.Valid() {
		verdict = "invalid"
	}
	s := fmt.Sprintf("%s %s: %s, %s", files, verdict, validateCount(rep.Errors(), "error"), validateCount(rep.Warnings(), "warning"))
	if n := rep.Notes(); n > 0 {
		s += ", " + validateCount(n, "note")
	}
	return s
}

func validateCount(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
