// Package ir is Hoist's intermediate representation: a graph of AWS
// resources whose types and property names are CloudFormation's
// (AWS::RDS::DBInstance, MultiAZ), with references as first-class values,
// parameters and outputs, and, for every resource, where it came from (a
// hoist.yaml entry, or a file and line of an imported template).
//
// Expansion writes the IR from hoist.yaml; importers write it from
// CloudFormation, Terraform, plan JSON and cdk.out; renderers, cost and
// policy read it. ir imports nothing of Hoist's.
package ir

import (
	"fmt"
	"sort"
	"strings"
)

// Location is a place in a source file. Line and Column are 1-based; zero
// means unknown.
type Location struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

func (l Location) String() string {
	switch {
	case l.File == "":
		return ""
	case l.Line == 0:
		return l.File
	case l.Column == 0:
		return fmt.Sprintf("%s:%d", l.File, l.Line)
	}
	return fmt.Sprintf("%s:%d:%d", l.File, l.Line, l.Column)
}

// Origin kinds.
const (
	FromSpec           = "spec"
	FromCloudFormation = "cloudformation"
	FromTerraform      = "terraform"
	FromPlan           = "terraform-plan"
	FromCDK            = "cdk"
)

// Origin says what produced a resource: which hoist.yaml entry, or which
// address in which imported file.
type Origin struct {
	Kind string `json:"kind"`
	// Source names the producer: "services[0] (api)" for the spec,
	// "aws_s3_bucket.assets" for Terraform, the logical ID for CloudFormation.
	Source string `json:"source"`
}

// Resource is one node of the graph.
type Resource struct {
	// ID is the logical ID, unique within the graph.
	ID string
	// Type is the CloudFormation resource type. Imported Terraform
	// resources of types Hoist does not map keep their own type with the
	// prefix "Terraform::" (Terraform::aws_foo_bar).
	Type                string
	Properties          *Map
	DependsOn           []string
	Condition           string
	DeletionPolicy      string
	UpdateReplacePolicy string
	Metadata            *Map
	// Comment is a one-line description renderers may print above it.
	Comment string
	Loc     Location
	Origin  Origin
}

// Prop returns the property at a dotted path, or nil.
func (r *Resource) Prop(path string) Value {
	if r.Properties == nil {
		return nil
	}
	return Lookup(r.Properties, path)
}

// Parameter is a template parameter.
type Parameter struct {
	Name          string
	Type          string // String, Number, CommaDelimitedList, AWS::EC2::VPC::Id, ...
	Default       Value
	Description   string
	AllowedValues []string
	NoEcho        bool
	Loc           Location
}

// Output is a template output.
type Output struct {
	Name        string
	Value       Value
	Description string
	ExportName  Value
	Loc         Location
}

// Graph is a whole stack.
type Graph struct {
	// Name is the application's name (hoist.yaml's name), when known:
	// renderers name stacks and modules after it.
	Name        string
	Description string
	Parameters  []Parameter
	Conditions  *Map
	Resources   []*Resource
	Outputs     []Output
	// Source is the file or folder the graph was read from, or hoist.yaml.
	Source string
}

// PseudoParameters are CloudFormation's built-in names a Ref may target.
var PseudoParameters = []string{
	"AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
	"AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
}

// IsPseudo reports whether name is a pseudo parameter.
func IsPseudo(name string) bool {
	for _, p := range PseudoParameters {
		if p == name {
			return true
		}
	}
	return false
}

// Add appends a resource; it returns an error when the ID is taken.
func (g *Graph) Add(r *Resource) error {
	if g.Resource(r.ID) != nil {
		return fmt.Errorf("duplicate logical ID %q", r.ID)
	}
	g.Resources = append(g.Resources, r)
	return nil
}

// MustAdd is Add for expansion code, where a duplicate is a bug.
func (g *Graph) MustAdd(r *Resource) *Resource {
	if err := g.Add(r); err != nil {
		panic(err)
	}
	return r
}

// Resource returns the resource with that logical ID, or nil.
func (g *Graph) Resource(id string) *Resource {
	for _, r := range g.Resources {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Parameter returns the parameter of that name, or nil.
func (g *Graph) Parameter(name string) *Parameter {
	for i := range g.Parameters {
		if g.Parameters[i].Name == name {
			return &g.Parameters[i]
		}
	}
	return nil
}

// OfType returns the resources of one type, in graph order.
func (g *Graph) OfType(typ string) []*Resource {
	var out []*Resource
	for _, r := range g.Resources {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

// Sort orders resources, parameters and outputs by name, the canonical
// order renderers use.
func (g *Graph) Sort() {
	sort.SliceStable(g.Resources, func(i, j int) bool { return g.Resources[i].ID < g.Resources[j].ID })
	sort.SliceStable(g.Parameters, func(i, j int) bool { return g.Parameters[i].Name < g.Parameters[j].Name })
	sort.SliceStable(g.Outputs, func(i, j int) bool { return g.Outputs[i].Name < g.Outputs[j].Name })
}

// Problem is something wrong with the graph's wiring.
type Problem struct {
	Resource string
	Loc      Location
	Message  string
}

func (p Problem) String() string {
	if s := p.Loc.String(); s != "" {
		return s + ": " + p.Message
	}
	return p.Message
}

// CheckReferences reports Refs, GetAtts, ${} names and DependsOn entries
// that point at nothing, and conditions that are not defined.
func (g *Graph) CheckReferences() []Problem {
	known := map[string]bool{}
	for _, r := range g.Resources {
		known[r.ID] = true
	}
	for _, p := range g.Parameters {
		known[p.Name] = true
	}
	var out []Problem
	check := func(owner string, loc Location, v Value) {
		for _, ref := range References(v) {
			if known[ref.Target] || IsPseudo(ref.Target) {
				if ref.Attr != "" && g.Resource(ref.Target) == nil && !IsPseudo(ref.Target) {
					out = append(out, Problem{owner, loc, fmt.Sprintf("%s: GetAtt on %q, which is a parameter, not a resource", owner, ref.Target)})
				}
				continue
			}
			what := "Ref to"
			if ref.Attr != "" {
				what = "GetAtt on"
			}
			out = append(out, Problem{owner, loc, fmt.Sprintf("%s: %s undefined %q%s", owner, what, ref.Target, suggestFrom(ref.Target, known))})
		}
	}
	for _, r := range g.Resources {
		check(r.ID, r.Loc, r.Properties)
		for _, d := range r.DependsOn {
			if !known[d] || g.Resource(d) == nil {
				out = append(out, Problem{r.ID, r.Loc, fmt.Sprintf("%s: DependsOn undefined resource %q%s", r.ID, d, suggestFrom(d, known))})
			}
		}
		if r.Condition != "" && g.Conditions.Get(r.Condition) == nil {
			out = append(out, Problem{r.ID, r.Loc, fmt.Sprintf("%s: Condition %q is not defined", r.ID, r.Condition)})
		}
	}
	for _, o := range g.Outputs {
		check("Outputs."+o.Name, o.Loc, o.Value)
	}
	return out
}

func suggestFrom(name string, known map[string]bool) string {
	best, bestD := "", len(name)/2+1
	for k := range known {
		if d := distance(strings.ToLower(name), strings.ToLower(k)); d < bestD || (d == bestD && k < best) {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// distance is the Levenshtein edit distance.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
