// Package cloudformation imports CloudFormation templates, YAML or JSON,
// into Hoist's IR: resources with their properties, parameters, conditions
// and outputs, intrinsic functions as IR references (Ref, GetAtt, Sub, Join)
// or calls, and for every map, list, entry and resource the file, line and
// column it was written at.
//
// The importer is the inverse of internal/render/cloudformation: importing
// a rendered template and rendering it again gives the same bytes. It also
// evaluates conditions where it can (literals, parameter defaults or
// overrides, the region when given) and replaces a decidable Fn::If with the
// branch it picks, dropping resources whose condition is decidably false.
//
// Malformed input never panics: a template that is not YAML or not a mapping
// is an error with a position; anything else wrong is a Problem with a
// position, and the rest of the template is still imported. The package
// knows nothing of the AWS resource schema beyond intrinsic functions; the
// validator (internal/validate) checks resources against it. It reads no
// files and prints nothing.
package cloudformation

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"go.yaml.in/yaml/v3"
)

// Options tune an import.
type Options struct {
	// Parameters override parameter defaults when conditions are evaluated.
	Parameters map[string]string
	// Region is the value of AWS::Region for conditions; empty means unknown.
	Region string
	// KeepConditions turns condition evaluation off: every Fn::If and every
	// conditional resource is kept as written. The validator uses it so that
	// every branch is checked.
	KeepConditions bool
}

// Severities of a Problem.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Rules of the problems the importer reports. The validator reports them
// under the same IDs.
const (
	RuleParse              = "cfn-parse"
	RuleTemplate           = "cfn-template"
	RuleUnknownKey         = "cfn-unknown-key"
	RuleDuplicateKey       = "cfn-duplicate-key"
	RuleMalformedIntrinsic = "cfn-malformed-intrinsic"
	RuleUnsupported        = "cfn-unsupported"
)

// Problem is something wrong with the template that did not stop the
// import.
type Problem struct {
	Loc ir.Location
	// Path is where in the template: "Resources.Bucket.Properties.Tags[0]".
	Path     string
	Rule     string
	Severity string
	Message  string
}

func (p Problem) String() string {
	var b strings.Builder
	if s := p.Loc.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Error is a template that could not be imported at all: not YAML, or not
// a mapping.
type Error struct {
	Loc     ir.Location
	Message string
}

func (e *Error) Error() string {
	if s := e.Loc.String(); s != "" {
		return s + ": " + e.Message
	}
	return e.Message
}

// Kinds of Site.
const (
	SiteRef       = "Ref"
	SiteGetAtt    = "GetAtt"
	SiteSub       = "Sub"
	SiteDependsOn = "DependsOn"
	SiteCondition = "Condition"
	SiteFindInMap = "FindInMap"
)

// Site is one reference as written in the template: a Ref, a GetAtt, a
// ${Name} or ${Name.Attr} in a Sub, a DependsOn entry, a condition name (a
// resource's Condition, Fn::If's first argument, Fn::Condition) or the
// mapping name of Fn::FindInMap.
type Site struct {
	Kind   string
	Target string
	// Attr is the GetAtt attribute, or for a Sub the part after the first
	// dot. A GetAtt whose attribute is computed has Dynamic set instead.
	Attr    string
	Dynamic bool
	// Owner is the top-level entry holding the reference:
	// "Resources.Bucket", "Outputs.Url", "Conditions.IsProd".
	Owner string
	Path  string
	Loc   ir.Location
}

// ResourceInfo holds positions the IR does not carry.
type ResourceInfo struct {
	// TypeLoc is where the Type value is written.
	TypeLoc ir.Location
	// PropertiesLoc is where the Properties key is written, or zero.
	PropertiesLoc ir.Location
}

// Template is an imported template with what the IR has no room for.
type Template struct {
	Graph *ir.Graph
	// Mappings is the Mappings section, or nil.
	Mappings *ir.Map
	// Transforms names the macros of the Transform section
	// ("AWS::Serverless-2016-10-31").
	Transforms []string
	Problems   []Problem
	// Sites lists every reference as written, in document order, including
	// those in Fn::If branches and resources that condition evaluation
	// removed.
	Sites []Site
	// Resources holds extra positions by logical ID.
	Resources map[string]ResourceInfo
	// Dropped lists the logical IDs of resources removed because their
	// condition is decidably false, in document order.
	Dropped []string
	// Root is where the template's top-level mapping starts.
	Root ir.Location

	outputConds []outputCondition
}

// Import reads a CloudFormation template. file names it in positions.
func Import(file string, data []byte, opts Options) (*ir.Graph, []Problem, error) {
	t, err := Parse(file, data, opts)
	if err != nil {
		return nil, nil, err
	}
	return t.Graph, t.Problems, nil
}

// Parse is Import returning everything the importer learnt.
func Parse(file string, data []byte, opts Options) (t *Template, err error) {
	defer func() {
		// The YAML parser has panicked on hostile input in the past; a
		// template must never take Hoist down.
		if r := recover(); r != nil {
			t, err = nil, &Error{Loc: ir.Location{File: file}, Message: fmt.Sprintf("cannot parse template: %v", r)}
		}
	}()
	doc, fast, err := parseYAML(data)
	if err != nil {
		return nil, yamlError(file, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &Error{Loc: ir.Location{File: file}, Message: "template is empty"}
	}
	root := doc.Content[0]
	c := &conv{file: file, aliasBudget: maxAliases, noAliases: fast}
	for root.Kind == yaml.AliasNode && root.Alias != nil {
		root = root.Alias
	}
	if root.Kind != yaml.MappingNode {
		return nil, &Error{Loc: c.loc(root), Message: fmt.Sprintf("template is %s, want a mapping with a Resources key", kindName(root))}
	}
	t = c.template(root)
	if !opts.KeepConditions {
		resolveConditions(t, opts)
	}
	return t, nil
}

// parseYAML parses a template: with the fast parser when it can
// (fastyaml.go), with the YAML package otherwise.
// fast reports the former, whose trees have no aliases.
func parseYAML(data []byte) (doc *yaml.Node, fast bool, err error) {
	if doc, ok := parseFast(data); ok {
		return doc, true, nil
	}
	doc = &yaml.Node{}
	if err := yaml.Unmarshal(data, doc); err != nil {
		return nil, false, err
	}
	return doc, false, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns the YAML parser's error into a positioned Error.
func yamlError(file string, err error) error {
	msg := err.Error()
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{Loc: ir.Location{File: file, Line: line}, Message: "invalid YAML: " + m[2]}
	}
	return &Error{Loc: ir.Location{File: file}, Message: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "null"
		}
		return "a scalar"
	}
	return "empty"
}
