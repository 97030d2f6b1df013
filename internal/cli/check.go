package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hoist-dev/hoist/internal/load"
	"github.com/hoist-dev/hoist/internal/policy"
	"github.com/hoist-dev/hoist/internal/policy/report"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

type checkOptions struct {
	Path                 string
	Framework            string
	Report               string
	PolicyDirs           []string
	Suppressions         string
	NoInlineSuppressions bool
	SeverityThreshold    string
	DetailedExitcode     bool
	Production           bool
	HideSuppressed       bool
}

func newCheckCmd(deps *Deps) *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check PATH",
		Short: "Check infrastructure and Dockerfiles against security policy, mapped to NIST 800-53, FedRAMP and CIS",
		Long: `Check runs Hoist's policy rules over a CloudFormation template (YAML or JSON),
a Terraform folder, a Terraform plan JSON, a cdk.out folder, a hoist.yaml, a
Dockerfile, or a folder holding any of them. Resources are checked through
Hoist's IR, so one rule covers every IaC format and every finding points at
your file and line. A file that cannot be read is a finding of its own
(HOIST-PARSE) and the scan goes on.

Built-in rules cover S3, IAM, security groups, RDS/Aurora, ECS (and Express
Mode), App Runner, load balancers, CloudFront, ECR, CodeBuild, KMS, CloudWatch,
Secrets Manager, Lambda, API Gateway, DynamoDB, SQS, SNS, EC2/EBS, VPC and
ElastiCache, plus Dockerfile rules and BuildKit's own linter. Each rule names
its NIST 800-53 rev5 controls, FedRAMP baselines, CIS recommendations and AWS
Config managed rule. --framework keeps the rules mapped to one framework;
--report compliance prints a control-by-control table.

Custom rules in Rego (--policy DIR): deny and warn rules over input.raw (the
parsed file) and input.ir (Hoist's normalized resources); see docs/policy.md.

Suppressions: an inline comment "# hoist:ignore RULE reason=\"...\"
[expires=YYYY-MM-DD]", CloudFormation resource Metadata (hoist: ignore: ...),
or .hoist/suppressions.yaml; checkov:skip, tfsec:ignore, trivy:ignore,
cfn_nag and cfn-guard suppressions are honoured where their rule maps to
Hoist's. A reason is required; expired suppressions stop applying and are
reported. Suppressed findings stay in every output, marked.

Output (-o): text, json, sarif (GitHub code scanning), junit, markdown.
Exit status: 0 when the scan ran; with --detailed-exitcode, 2 when an
unsuppressed finding is at or above --severity-threshold, 1 when an input
could not be read.`,
		Example: `  $ hoist check infra/
  $ hoist check template.yaml --framework fedramp-moderate --report compliance -o markdown
  $ hoist check . -o sarif > hoist.sarif
  $ hoist check infra/tf --policy policies/ --detailed-exitcode --severity-threshold high
  $ hoist check Dockerfile`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			return runCheck(deps, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Framework, "framework", "", "keep only rules mapped to: "+strings.Join(policy.Frameworks, ", "))
	f.StringVar(&opts.Report, "report", "findings", "what to report: findings, or compliance (with --framework; text, json or markdown)")
	f.StringArrayVar(&opts.PolicyDirs, "policy", nil, "folder or .rego file of custom Rego policies (repeatable)")
	f.StringVar(&opts.Suppressions, "suppressions", "", "central suppressions file (default: .hoist/suppressions.yaml in PATH or the current folder)")
	f.BoolVar(&opts.NoInlineSuppressions, "no-inline-suppressions", false, "ignore suppressions written in the checked files")
	f.StringVar(&opts.SeverityThreshold, "severity-threshold", "low", "lowest severity that fails --detailed-exitcode: info, low, medium, high, critical")
	f.BoolVar(&opts.DetailedExitcode, "detailed-exitcode", false, "exit 2 on findings at or above the threshold, 1 on unreadable input")
	f.BoolVar(&opts.Production, "production", false, "treat the stack as production (rules such as Multi-AZ and deletion protection apply)")
	f.BoolVar(&opts.HideSuppressed, "hide-suppressed", false, "text output: leave suppressed findings out of the list")
	markConfigurable(f, "framework", "severity-threshold", "production")
	return cmd
}

func runCheck(deps *Deps, opts *checkOptions) error {
	switch deps.Output {
	case "text", "json", "sarif", "junit", "markdown":
	default:
		return usageErrorf("--output %q is not offered here; use one of: text, json, sarif, junit, markdown", deps.Output)
	}
	threshold, err := rule.ParseSeverity(opts.SeverityThreshold)
	if err != nil {
		return usageErrorf("--severity-threshold: %v", err)
	}
	if opts.Report != "findings" && opts.Report != "compliance" {
		return usageErrorf("--report %q: want findings or compliance", opts.Report)
	}
	if opts.Report == "compliance" && opts.Framework == "" {
		return usageErrorf("--report compliance needs --framework (one of %s)", strings.Join(policy.Frameworks, ", "))
	}
	// Only custom policies that read input.raw need the files parsed a
	// second time into raw form. Compiling them first also reports a
	// broken policy before any file is read.
	var pols *policy.Policies
	if len(opts.PolicyDirs) > 0 {
		if pols, err = policy.LoadPolicies(opts.PolicyDirs); err != nil {
			return &UsageError{Err: err}
		}
	}
	readsRaw := pols.ReadsRaw()
	inputs, err := loadPath(opts.Path, load.Options{Dockerfiles: true, Raw: readsRaw})
	if err != nil {
		return err
	}
	po := policy.Options{Framework: opts.Framework, Production: opts.Production, Policies: pols,
		NoInlineSuppressions: opts.NoInlineSuppressions, Now: time.Now()}
	if sf := suppressionsFile(opts); sf != "" {
		data, err := os.ReadFile(sf)
		if err != nil {
			return &UsageError{Err: err}
		}
		po.Suppressions, po.SuppressionsFile = data, sf
	}
	rep, err := policy.Check(checkTargets(inputs), po)
	if err != nil {
		return &UsageError{Err: err}
	}
	w := deps.IO.Out
	if opts.Report == "compliance" {
		switch deps.Output {
		case "markdown", "text":
			err = report.ComplianceMarkdown(w, rep.Compliance)
		case "json":
			// The whole report: its "compliance" member is the table
			// (schema: hoist schema check).
			err = report.JSON(w, rep)
		default:
			return usageErrorf("--report compliance is written as text, json or markdown")
		}
	} else {
		switch deps.Output {
		case "json":
			err = report.JSON(w, rep)
		case "sarif":
			err = report.SARIF(w, rep, report.SARIFOptions{Version: Version})
		case "junit":
			err = report.JUnit(w, rep)
		case "markdown":
			err = report.Markdown(w, rep)
		default:
			err = report.Text(w, rep, report.TextOptions{Color: deps.Color(), HideSuppressed: opts.HideSuppressed})
		}
	}
	if err != nil {
		return err
	}
	if !opts.DetailedExitcode {
		return nil
	}
	if len(rep.Errors) > 0 {
		return &silentError{code: ExitError}
	}
	if rep.Exceeds(threshold) {
		return &FindingsError{Summary: fmt.Sprintf("findings at or above %s", threshold)}
	}
	return nil
}

// suppressionsFile is --suppressions, or the .hoist/suppressions.yaml of
// PATH's folder or of the current folder.
func suppressionsFile(opts *checkOptions) string {
	if opts.Suppressions != "" {
		return opts.Suppressions
	}
	dir := opts.Path
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	for _, d := range []string{dir, "."} {
		p := filepath.Join(d, ".hoist", "suppressions.yaml")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// checkTargets turns loaded inputs into policy targets; a unit that could
// not be read carries its error as a positioned problem.
func checkTargets(inputs []load.Input) []policy.Target {
	var out []policy.Target
	for _, in := range inputs {
		t := policy.Target{Kind: in.Kind, Path: filepath.ToSlash(in.Path), Raw: in.Raw, Sources: in.Sources, Dockerignore: in.Dockerignore}
		for _, n := range in.Problems() {
			t.Problems = append(t.Problems, policy.Problem{File: n.File, Line: n.Line, Column: n.Column, Message: n.Message})
		}
		switch {
		case in.Kind == load.Dockerfile:
			out = append(out, t)
		case len(in.Graphs) == 0:
			out = append(out, t)
		default:
			for i, g := range in.Graphs {
				gt := t
				if i > 0 {
					gt.Problems = nil
				}
				gt.Graph = g
				out = append(out, gt)
			}
		}
	}
	return out
}
