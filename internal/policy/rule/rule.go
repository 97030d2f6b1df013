// Package rule defines what a policy rule is: its metadata (ID, severity,
// rationale, remediation, AWS Config and compliance mappings) and the
// violations a check returns. Rule sets (internal/policy/awsrules,
// internal/policy/dockerrules) implement it; the engine (internal/policy)
// runs them. The package holds types and small helpers only: it reads no
// files and prints nothing.
package rule

import (
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
)

// Severity orders findings. The zero value is Info.
type Severity int

// Severities, lowest first.
const (
	Info Severity = iota
	Low
	Medium
	High
	Critical
)

var severityNames = []string{"info", "low", "medium", "high", "critical"}

func (s Severity) String() string {
	if s < Info || s > Critical {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want one of %s)", s, strings.Join(severityNames, ", "))
}

// Meta is what every rule, whatever it checks, carries.
type Meta struct {
	// ID is unique and stable: HOIST-S3-001, HOIST-DF-007.
	ID    string
	Title string
	// Severity is the default severity of the rule's findings.
	Severity  Severity
	Rationale string
	// Remediation says what to change, in a sentence or two.
	Remediation string
	// FixCloudFormation and FixTerraform are corrected snippets (empty for
	// Dockerfile rules, which use FixDockerfile).
	FixCloudFormation string
	FixTerraform      string
	FixDockerfile     string
	// ConfigRule is the matching AWS Config managed rule identifier
	// (S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED), "" when there is none.
	ConfigRule string
	// NIST lists NIST SP 800-53 rev5 controls (SC-28, AC-6(9)).
	NIST []string
	// FedRAMP lists the FedRAMP rev5 baselines ("low", "moderate") that
	// include at least one of NIST.
	FedRAMP []string
	// CIS lists CIS AWS Foundations Benchmark v3.0 recommendations (2.1.1).
	CIS []string
}

// Violation is one thing a check found wrong with one resource.
type Violation struct {
	Message string
	// Path is the dotted property path the finding is about
	// ("BucketEncryption", "ContainerDefinitions.0.Privileged"); the engine
	// turns it into a file position, falling back to the nearest parent
	// that exists and then to the resource. Empty means the resource.
	Path string
}

// AWS is a rule over IR resources: Check runs once for every resource whose
// type is in Types.
type AWS struct {
	Meta
	// Types are CloudFormation types (AWS::S3::Bucket).
	Types []string
	Check func(c *Context, r *ir.Resource) []Violation
}

// Context is what an AWS check may look at besides the resource itself.
type Context struct {
	Graph *ir.Graph
	// Production is true when the stack is declared a production stack
	// (hoist check --env prod, or an Environment/env tag of prod or
	// production on the resource); rules that only matter in production
	// (multi-AZ, deletion protection) consult it.
	Production bool

	refs map[string][]*ir.Resource // target id -> resources referencing it
}

// NewContext indexes g for Referencing.
func NewContext(g *ir.Graph, production bool) *Context {
	c := &Context{Graph: g, Production: production, refs: map[string][]*ir.Resource{}}
	for _, r := range g.Resources {
		seen := map[string]bool{}
		for _, ref := range ir.References(r.Properties) {
			if !seen[ref.Target] {
				seen[ref.Target] = true
				c.refs[ref.Target] = append(c.refs[ref.Target], r)
			}
		}
	}
	return c
}

// Target returns the resource a Ref or GetAtt (or a Sub naming exactly one
// resource) points at, or nil.
func (c *Context) Target(v ir.Value) *ir.Resource {
	switch x := v.(type) {
	case ir.Ref:
		return c.Graph.Resource(x.Target)
	case ir.GetAtt:
		return c.Graph.Resource(x.Target)
	}
	refs := ir.References(v)
	if len(refs) == 1 {
		return c.Graph.Resource(refs[0].Target)
	}
	return nil
}

// Referencing returns the resources of type typ ("" for any) whose
// properties refer to the resource id, in graph order.
func (c *Context) Referencing(id, typ string) []*ir.Resource {
	var out []*ir.Resource
	for _, r := range c.refs[id] {
		if typ == "" || r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

// IsProduction reports whether r belongs to a production stack: the
// context says so, or r carries an Environment/env/stage tag of prod or
// production.
func (c *Context) IsProduction(r *ir.Resource) bool {
	if c.Production {
		return true
	}
	tags, _ := ir.AsList(r.Prop("Tags"))
	for _, t := range tags {
		k, _ := ir.AsString(ir.Lookup(t, "Key"))
		v, _ := ir.AsString(ir.Lookup(t, "Value"))
		switch strings.ToLower(k) {
		case "environment", "env", "stage":
			switch strings.ToLower(v) {
			case "prod", "production":
				return true
			}
		}
	}
	return false
}
