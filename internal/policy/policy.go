package policy

import (
	"time"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// Target kinds.
const (
	KindCloudFormation = "cloudformation"
	KindTerraform      = "terraform"
	KindPlan           = "terraform-plan"
	KindCDK            = "cdk"
	KindSpec           = "spec"
	KindDockerfile     = "dockerfile"
)

// Frameworks Options.Framework accepts.
const (
	FrameworkNIST            = "nist-800-53-r5"
	FrameworkFedRAMPLow      = "fedramp-low"
	FrameworkFedRAMPModerate = "fedramp-moderate"
	FrameworkCIS             = "cis-aws"
)

// Frameworks lists the frameworks in the order help text shows them.
var Frameworks = []string{FrameworkNIST, FrameworkFedRAMPLow, FrameworkFedRAMPModerate, FrameworkCIS}

// Target is one thing to check: a graph read from CloudFormation,
// Terraform, a plan, cdk.out or hoist.yaml, or one Dockerfile.
type Target struct {
	// Kind is one of the Kind constants.
	Kind string
	// Path is the file or folder as the user named it (relative, forward
	// slashes preferred).
	Path string
	// Graph is the IR; nil for Dockerfile targets.
	Graph *ir.Graph
	// Raw is the parsed file(s) as generic JSON-like data (map[string]any,
	// []any, string, float64/json.Number, bool, nil): Rego's input.raw.
	Raw any
	// Sources maps each file of the target to its text, for inline
	// suppressions and snippets. A Dockerfile target's text is
	// Sources[Path].
	Sources map[string][]byte
	// Dockerignore is the .dockerignore beside a Dockerfile, nil when there
	// is none.
	Dockerignore []byte
	// Problems are places the loader could not read (malformed YAML, HCL,
	// JSON); each becomes a HOIST-PARSE finding.
	Problems []Problem
}

// Problem is input that could not be read, with its position.
type Problem struct {
	File         string
	Line, Column int
	Message      string
}

// Options tune a Check.
type Options struct {
	// Framework, when set, keeps only the rules mapped to it (one of
	// Frameworks) and makes Check fill Report.Compliance.
	Framework string
	// Production tells production-only rules the stack is a production one.
	Production bool
	// PolicyDirs are folders (or single .rego files) of Rego policies.
	PolicyDirs []string
	// Policies are Rego policies compiled already (LoadPolicies); when
	// set, PolicyDirs is not read.
	Policies *Policies
	// Suppressions is the text of the central suppressions file, named
	// SuppressionsFile in positions (".hoist/suppressions.yaml").
	Suppressions     []byte
	SuppressionsFile string
	// NoInlineSuppressions ignores suppressions written in the checked
	// files: comments and resource Metadata. The central file still applies.
	NoInlineSuppressions bool
	// Now decides which suppressions have expired; zero means time.Now().
	Now time.Time
	// SeverityThreshold drops findings below it from the report (they are
	// not counted either). The zero value, Info, keeps everything.
	SeverityThreshold rule.Severity
	// Workers bounds concurrency; zero means GOMAXPROCS.
	Workers int
}

// Finding is one rule's verdict about one place.
type Finding struct {
	RuleID   string
	Severity rule.Severity
	Title    string
	Message  string
	// File, Line and Column locate the finding; Line 0 means the whole
	// file (or, with File empty, the whole target).
	File         string
	Line, Column int
	// Resource is the Terraform address or logical ID of the resource, or
	// "" for Dockerfile and file-level findings.
	Resource string
	// Controls are the NIST 800-53 rev5 controls of the rule.
	Controls []string
	// Suppressed findings stay in the report, marked, with the reason and
	// where the suppression is.
	Suppressed        bool
	SuppressionReason string
	// SuppressionKind is "inSource" (a comment or resource Metadata) or
	// "external" (the central file), as SARIF names them.
	SuppressionKind string
	SuppressedBy    string // file:line of the suppression
	Remediation     string
	DocURL          string
	// Snippet is the text of the finding's line, trimmed, when known.
	Snippet string
	// Source says which engine produced it: "aws", "dockerfile", "rego" or
	// "hoist" (parse errors and suppression problems).
	Source string
	// Target is the Path of the target the finding came from.
	Target string
}

// Summary counts a report.
type Summary struct {
	// Total counts every finding, suppressed or not.
	Total int
	// BySeverity counts unsuppressed findings by severity name; every
	// severity is present.
	BySeverity map[string]int
	Suppressed int
	// FilesScanned is the number of distinct source files of the targets.
	FilesScanned int
	// ResourcesScanned counts graph resources plus one per Dockerfile.
	ResourcesScanned int
	// Rules is the number of rules that ran.
	Rules int
}

// ExpiredSuppression is a suppression whose expiry date has passed: it no
// longer applies.
type ExpiredSuppression struct {
	Rule    string
	File    string
	Line    int
	Reason  string
	Expires string // YYYY-MM-DD
}

// RuleRun is one rule run over one resource (Resource "" for a
// Dockerfile or a Rego rule over a whole target).
type RuleRun struct {
	RuleID   string
	Resource string
	File     string
}

// Report is the result of a Check.
type Report struct {
	// Findings are sorted by file, line, column, rule, resource, message.
	Findings []Finding
	Summary  Summary
	// Rules are the rules that ran (and the engine's own, HOIST-PARSE and
	// HOIST-SUP-*, when they have findings), sorted by ID: SARIF's
	// tool.driver.rules.
	Rules               []rule.Meta
	ExpiredSuppressions []ExpiredSuppression
	// Errors repeats the HOIST-PARSE findings (input that could not be
	// read), so that a caller can tell a broken input from a policy
	// failure. They are in Findings too.
	Errors []Finding
	// Compliance is filled when Options.Framework is set.
	Compliance *Compliance
	// Framework is Options.Framework.
	Framework string

	// Runs are every rule run on every resource (or Dockerfile, or
	// target for Rego rules), sorted by file, rule, resource: the passing
	// cases of JUnit and the coverage of the compliance view.
	Runs []RuleRun
	// enabled are every rule the Check enabled, whatever the inputs.
	enabled []rule.Meta
}

// Exceeds reports whether any unsuppressed finding is at or above
// threshold.
func (r *Report) Exceeds(threshold rule.Severity) bool {
	for _, f := range r.Findings {
		if !f.Suppressed && f.Severity >= threshold {
			return true
		}
	}
	return false
}

// Unsuppressed returns the findings no suppression applies to.
func (r *Report) Unsuppressed() []Finding {
	out := []Finding{}
	for _, f := range r.Findings {
		if !f.Suppressed {
			out = append(out, f)
		}
	}
	return out
}
