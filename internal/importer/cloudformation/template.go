package cloudformation

import (
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hoist-dev/hoist/internal/ir"
	"go.yaml.in/yaml/v3"
)

// Limits against hostile input: YAML aliases can expand exponentially, and
// deep nesting costs stack.
const (
	maxAliases = 10000
	maxDepth   = 200
)

// conv converts one document, collecting problems and reference sites.
type conv struct {
	file        string
	problems    []Problem
	sites       []Site
	owner       string
	aliasBudget int
	// noAliases says the document has no aliases (the fast parser read
	// it), so resources may be converted concurrently.
	noAliases bool
}

func (c *conv) loc(n *yaml.Node) ir.Location {
	return ir.Location{File: c.file, Line: n.Line, Column: n.Column}
}

func (c *conv) problem(n *yaml.Node, path, rule, severity, format string, args ...any) {
	c.problems = append(c.problems, Problem{Loc: c.loc(n), Path: path, Rule: rule, Severity: severity, Message: fmt.Sprintf(format, args...)})
}

func (c *conv) errorf(n *yaml.Node, path, rule, format string, args ...any) {
	c.problem(n, path, rule, SeverityError, format, args...)
}

// pair is one key of a YAML mapping.
type pair struct {
	key   string
	k, v  *yaml.Node
	first bool
}

// pairs lists a mapping's keys in order, following aliases, reporting
// non-scalar and duplicate keys (the first one wins).
func (c *conv) pairs(n *yaml.Node, path string) []pair {
	out := make([]pair, 0, len(n.Content)/2)
	var seen map[string]int
	if len(n.Content) > 16 {
		seen = make(map[string]int, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], c.deref(n.Content[i+1], path)
		if k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			c.errorf(k, path, RuleParse, "a key must be a scalar, not %s", kindName(k))
			continue
		}
		dup := -1
		if seen != nil {
			if j, ok := seen[k.Value]; ok {
				dup = j
			} else {
				seen[k.Value] = len(out)
			}
		} else {
			for j := range out {
				if out[j].key == k.Value {
					dup = j
					break
				}
			}
		}
		if dup >= 0 {
			c.errorf(k, join(path, k.Value), RuleDuplicateKey, "duplicate key %q (first at line %d)", k.Value, out[dup].k.Line)
			continue
		}
		if v == nil {
			v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: k.Line, Column: k.Column}
		}
		out = append(out, pair{key: k.Value, k: k, v: v})
	}
	return out
}

// deref follows an alias, within the alias budget.
func (c *conv) deref(n *yaml.Node, path string) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		c.aliasBudget--
		if c.aliasBudget < 0 || n.Alias == nil {
			if c.aliasBudget == -1 {
				c.errorf(n, path, RuleParse, "too many alias expansions")
			}
			return nil
		}
		n = n.Alias
	}
	return n
}

// join appends a key to a path the way the AWS schema checker writes paths:
// Properties.Tags, Properties.Variables["a.b"].
func join(path, key string) string {
	plain := key != ""
	for _, r := range key {
		if !(r == '_' || r == '-' || r == ':' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			plain = false
			break
		}
	}
	switch {
	case !plain:
		return fmt.Sprintf("%s[%q]", path, key)
	case path == "":
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// Top-level sections of a template.
var sections = []string{
	"AWSTemplateFormatVersion", "Conditions", "Description", "Hooks", "Mappings",
	"Metadata", "Outputs", "Parameters", "Resources", "Rules", "Transform",
}

var logicalID = regexp.MustCompile(`^[A-Za-z0-9]+$`)

func (c *conv) template(root *yaml.Node) *Template {
	g := &ir.Graph{Source: c.file}
	t := &Template{Graph: g, Resources: map[string]ResourceInfo{}, Root: c.loc(root)}
	var outConds []outputCondition
	hasResources := false
	for _, p := range c.pairs(root, "") {
		switch p.key {
		case "AWSTemplateFormatVersion":
			if p.v.Kind != yaml.ScalarNode || p.v.Value != "2010-09-09" {
				c.errorf(p.v, p.key, RuleTemplate, `AWSTemplateFormatVersion must be "2010-09-09"`)
			}
		case "Description":
			if s, ok := c.plainString(p.v); ok {
				g.Description = s
			} else {
				c.errorf(p.v, p.key, RuleTemplate, "Description must be a string, not %s", kindName(p.v))
			}
		case "Parameters":
			c.parameters(g, p.v)
		case "Mappings":
			if m, ok := c.value(p.v, p.key, 0).(*ir.Map); ok {
				t.Mappings = m
			} else {
				c.errorf(p.v, p.key, RuleTemplate, "Mappings must be a mapping")
			}
		case "Conditions":
			c.conditions(g, p.v)
		case "Resources":
			hasResources = true
			c.resources(t, p.v)
		case "Outputs":
			outConds = c.outputs(g, p.v)
		case "Transform":
			t.Transforms = c.transforms(p.v)
		case "Metadata", "Rules", "Hooks":
			// Kept out of the IR; converted only for their references'
			// sake when they are Rules.
			if p.key == "Rules" {
				c.owner = "Rules"
				c.value(p.v, p.key, 0)
			}
		default:
			msg := fmt.Sprintf("unknown top-level key %q", p.key)
			if s := suggest(p.key, sections); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			c.errorf(p.k, p.key, RuleUnknownKey, "%s", msg)
		}
	}
	if !hasResources {
		c.errorf(root, "", RuleTemplate, "template has no Resources section")
	}
	t.outputConds = outConds
	t.Problems = c.problems
	t.Sites = c.sites
	return t
}

// outputCondition remembers an output's Condition, which the IR has no
// field for, so that condition evaluation can drop the output.
type outputCondition struct{ output, condition string }

func (c *conv) transforms(n *yaml.Node) []string {
	var out []string
	add := func(v *yaml.Node) {
		switch v.Kind {
		case yaml.ScalarNode:
			out = append(out, v.Value)
		case yaml.MappingNode:
			for _, p := range c.pairs(v, "Transform") {
				if p.key == "Name" && p.v.Kind == yaml.ScalarNode {
					out = append(out, p.v.Value)
				}
			}
		}
	}
	if n.Kind == yaml.SequenceNode {
		for _, it := range n.Content {
			if it = c.deref(it, "Transform"); it != nil {
				add(it)
			}
		}
	} else {
		add(n)
	}
	return out
}

// plainString returns an untagged scalar's text (a number or boolean
// counts, as CloudFormation reads it as a string).
func (c *conv) plainString(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || isCustomTag(n.Tag) || n.ShortTag() == "!!null" {
		return "", false
	}
	return n.Value, true
}

var parameterKeys = []string{
	"AllowedPattern", "AllowedValues", "ConstraintDescription", "Default", "Description",
	"MaxLength", "MaxValue", "MinLength", "MinValue", "NoEcho", "Type",
}

var parameterTypes = []string{"CommaDelimitedList", "List<Number>", "Number", "String"}

func (c *conv) parameters(g *ir.Graph, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		c.errorf(n, "Parameters", RuleTemplate, "Parameters must be a mapping, not %s", kindName(n))
		return
	}
	c.owner = "Parameters"
	for _, p := range c.pairs(n, "Parameters") {
		path := join("Parameters", p.key)
		if !logicalID.MatchString(p.key) {
			c.errorf(p.k, path, RuleTemplate, "parameter name %q must be alphanumeric", p.key)
		}
		if p.v.Kind != yaml.MappingNode {
			c.errorf(p.v, path, RuleTemplate, "parameter must be a mapping, not %s", kindName(p.v))
			continue
		}
		prm := ir.Parameter{Name: p.key, Loc: c.loc(p.k)}
		hasType := false
		for _, a := range c.pairs(p.v, path) {
			apath := join(path, a.key)
			switch a.key {
			case "Type":
				hasType = true
				s, ok := c.plainString(a.v)
				if !ok {
					c.errorf(a.v, apath, RuleTemplate, "parameter Type must be a string")
					continue
				}
				prm.Type = s
				if !validParameterType(s) {
					msg := fmt.Sprintf("unknown parameter type %q", s)
					if sg := suggest(s, parameterTypes); sg != "" {
						msg += fmt.Sprintf("; did you mean %q?", sg)
					}
					c.errorf(a.v, apath, RuleTemplate, "%s", msg)
				}
			case "Default":
				prm.Default = c.value(a.v, apath, 0)
			case "Description":
				if s, ok := c.plainString(a.v); ok {
					prm.Description = s
				} else {
					c.errorf(a.v, apath, RuleTemplate, "parameter Description must be a string")
				}
			case "AllowedValues":
				if a.v.Kind != yaml.SequenceNode {
					c.errorf(a.v, apath, RuleTemplate, "AllowedValues must be a list")
					continue
				}
				for i, it := range a.v.Content {
					if it = c.deref(it, apath); it == nil {
						continue
					}
					s, ok := c.plainString(it)
					if !ok {
						c.errorf(it, index(apath, i), RuleTemplate, "allowed value must be a scalar")
						continue
					}
					prm.AllowedValues = append(prm.AllowedValues, s)
				}
			case "NoEcho":
				s, _ := c.plainString(a.v)
				switch strings.ToLower(s) {
				case "true":
					prm.NoEcho = true
				case "false":
				default:
					c.errorf(a.v, apath, RuleTemplate, "NoEcho must be true or false")
				}
			case "AllowedPattern", "ConstraintDescription", "MaxLength", "MaxValue", "MinLength", "MinValue":
				if _, ok := c.plainString(a.v); !ok {
					c.errorf(a.v, apath, RuleTemplate, "%s must be a scalar", a.key)
				}
			default:
				msg := fmt.Sprintf("unknown parameter attribute %q", a.key)
				if s := suggest(a.key, parameterKeys); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				c.errorf(a.k, apath, RuleUnknownKey, "%s", msg)
			}
		}
		if !hasType {
			c.errorf(p.k, path, RuleTemplate, "parameter %q has no Type", p.key)
		}
		g.Parameters = append(g.Parameters, prm)
	}
}

func validParameterType(s string) bool {
	for _, t := range parameterTypes {
		if s == t {
			return true
		}
	}
	// AWS-specific types: AWS::EC2::VPC::Id, List<AWS::EC2::Subnet::Id>,
	// AWS::SSM::Parameter::Value<String>.
	return strings.HasPrefix(s, "AWS::") || strings.HasPrefix(s, "List<AWS::")
}

func (c *conv) conditions(g *ir.Graph, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		c.errorf(n, "Conditions", RuleTemplate, "Conditions must be a mapping, not %s", kindName(n))
		return
	}
	g.Conditions = &ir.Map{Loc: c.loc(n)}
	for _, p := range c.pairs(n, "Conditions") {
		path := join("Conditions", p.key)
		c.owner = path
		v := c.value(p.v, path, 0)
		g.Conditions.Entries = append(g.Conditions.Entries, ir.Entry{Key: p.key, Value: v, Loc: c.loc(p.k)})
	}
}

var resourceAttributes = []string{
	"Condition", "CreationPolicy", "DeletionPolicy", "DependsOn", "Metadata",
	"Properties", "Type", "UpdatePolicy", "UpdateReplacePolicy", "Version",
}

func (c *conv) resources(t *Template, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		c.errorf(n, "Resources", RuleTemplate, "Resources must be a mapping, not %s", kindName(n))
		return
	}
	if len(n.Content) == 0 {
		c.errorf(n, "Resources", RuleTemplate, "Resources is empty; a template needs at least one resource")
	}
	ps := c.pairs(n, "Resources")
	type result struct {
		r    *ir.Resource
		info ResourceInfo
		conv conv
	}
	results := make([]result, len(ps))
	one := func(i int) {
		sub := &results[i].conv
		sub.file, sub.aliasBudget, sub.noAliases = c.file, c.aliasBudget, c.noAliases
		results[i].r, results[i].info = sub.resource(t, ps[i])
	}
	if c.noAliases && len(ps) >= 64 {
		// Without aliases, resources convert independently: convert them
		// concurrently, each with its own problems and sites, and merge
		// them in document order below.
		var next atomic.Int64
		var wg sync.WaitGroup
		var panicked atomic.Value
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				// A panic goes on in Parse's goroutine, whose recover
				// turns it into an error as before.
				defer func() {
					if r := recover(); r != nil {
						panicked.CompareAndSwap(nil, recovered{r})
					}
				}()
				for i := int(next.Add(1)) - 1; i < len(ps); i = int(next.Add(1)) - 1 {
					one(i)
				}
			})
		}
		wg.Wait()
		if r := panicked.Load(); r != nil {
			panic(r.(recovered).value)
		}
	} else {
		for i := range ps {
			// One after the other, sharing the alias budget.
			one(i)
			c.aliasBudget = results[i].conv.aliasBudget
		}
	}
	for i, res := range results {
		c.problems = append(c.problems, res.conv.problems...)
		c.sites = append(c.sites, res.conv.sites...)
		c.owner = res.conv.owner
		if res.r == nil {
			continue
		}
		t.Resources[ps[i].key] = res.info
		// pairs drops duplicate keys, so the IDs are unique: append
		// rather than Graph.Add, whose check would cost a scan each.
		t.Graph.Resources = append(t.Graph.Resources, res.r)
	}
}

// resource converts one entry of Resources; a nil resource is one that is
// skipped. It only reads t.
func (c *conv) resource(t *Template, p pair) (*ir.Resource, ResourceInfo) {
	var info ResourceInfo
	path := join("Resources", p.key)
	c.owner = path
	if strings.HasPrefix(p.key, "Fn::ForEach::") {
		c.problem(p.k, path, RuleUnsupported, SeverityWarning, "Fn::ForEach (AWS::LanguageExtensions) is not expanded; its resources are not checked")
		return nil, info
	}
	if !logicalID.MatchString(p.key) {
		c.errorf(p.k, path, RuleTemplate, "logical ID %q must be alphanumeric", p.key)
	}
	if t.Graph.Parameter(p.key) != nil {
		c.errorf(p.k, path, RuleTemplate, "logical ID %q is also a parameter name", p.key)
	}
	if p.v.Kind != yaml.MappingNode {
		c.errorf(p.v, path, RuleTemplate, "resource must be a mapping, not %s", kindName(p.v))
		return nil, info
	}
	r := &ir.Resource{ID: p.key, Loc: c.loc(p.k), Origin: ir.Origin{Kind: ir.FromCloudFormation, Source: p.key}, Comment: comment(p.k.HeadComment)}
	hasType := false
	for _, a := range c.pairs(p.v, path) {
		apath := join(path, a.key)
		switch a.key {
		case "Type":
			hasType = true
			info.TypeLoc = c.loc(a.v)
			s, ok := c.plainString(a.v)
			if !ok || s == "" {
				c.errorf(a.v, apath, RuleTemplate, "Type must be a resource type name such as AWS::S3::Bucket")
				continue
			}
			r.Type = s
		case "Properties":
			info.PropertiesLoc = c.loc(a.k)
			if a.v.ShortTag() == "!!null" && a.v.Kind == yaml.ScalarNode {
				continue
			}
			switch v := c.value(a.v, apath, 0).(type) {
			case *ir.Map:
				r.Properties = v
			case ir.Call, ir.Ref:
				c.problem(a.v, apath, RuleUnsupported, SeverityWarning, "Properties given by an intrinsic function are not imported")
			default:
				c.errorf(a.v, apath, RuleTemplate, "Properties must be a mapping, not %s", kindName(a.v))
			}
		case "Metadata":
			if m, ok := c.value(a.v, apath, 0).(*ir.Map); ok {
				r.Metadata = m
			} else {
				c.errorf(a.v, apath, RuleTemplate, "Metadata must be a mapping, not %s", kindName(a.v))
			}
		case "DependsOn":
			r.DependsOn = c.dependsOn(a.v, apath)
		case "Condition":
			s, ok := c.plainString(a.v)
			if !ok || s == "" {
				c.errorf(a.v, apath, RuleTemplate, "Condition must be a condition name")
				continue
			}
			r.Condition = s
			c.site(a.v, apath, Site{Kind: SiteCondition, Target: s})
		case "DeletionPolicy", "UpdateReplacePolicy":
			s, ok := c.plainString(a.v)
			allowed := []string{"Delete", "Retain", "Snapshot"}
			if a.key == "DeletionPolicy" {
				allowed = append(allowed, "RetainExceptOnCreate")
			}
			if !ok || !contains(allowed, s) {
				c.errorf(a.v, apath, RuleTemplate, "%s must be one of %s", a.key, strings.Join(allowed, ", "))
				continue
			}
			if a.key == "DeletionPolicy" {
				r.DeletionPolicy = s
			} else {
				r.UpdateReplacePolicy = s
			}
		case "CreationPolicy", "UpdatePolicy", "Version":
			// Not in the IR; converted for the references they hold.
			c.value(a.v, apath, 0)
		default:
			msg := fmt.Sprintf("unknown resource attribute %q", a.key)
			if s := suggest(a.key, resourceAttributes); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			c.errorf(a.k, apath, RuleUnknownKey, "%s", msg)
		}
	}
	if !hasType {
		c.errorf(p.k, path, RuleTemplate, "resource %q has no Type", p.key)
	}
	return r, info
}

// comment turns a YAML head comment into the resource's one-line comment.
func comment(head string) string {
	if head == "" {
		return ""
	}
	lines := strings.Split(head, "\n")
	for i, l := range lines {
		l = strings.TrimPrefix(strings.TrimSpace(l), "#")
		lines[i] = strings.TrimPrefix(l, " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

func (c *conv) dependsOn(n *yaml.Node, path string) []string {
	var out []string
	one := func(it *yaml.Node, p string) {
		s, ok := c.plainString(it)
		if !ok || s == "" {
			c.errorf(it, p, RuleTemplate, "DependsOn entries must be logical IDs")
			return
		}
		out = append(out, s)
		c.site(it, p, Site{Kind: SiteDependsOn, Target: s})
	}
	switch n.Kind {
	case yaml.SequenceNode:
		for i, it := range n.Content {
			if it = c.deref(it, path); it != nil {
				one(it, index(path, i))
			}
		}
	default:
		one(n, path)
	}
	return out
}

var outputKeys = []string{"Condition", "Description", "Export", "Value"}

func (c *conv) outputs(g *ir.Graph, n *yaml.Node) []outputCondition {
	if n.Kind != yaml.MappingNode {
		c.errorf(n, "Outputs", RuleTemplate, "Outputs must be a mapping, not %s", kindName(n))
		return nil
	}
	var conds []outputCondition
	for _, p := range c.pairs(n, "Outputs") {
		path := join("Outputs", p.key)
		c.owner = path
		if !logicalID.MatchString(p.key) {
			c.errorf(p.k, path, RuleTemplate, "output name %q must be alphanumeric", p.key)
		}
		if p.v.Kind != yaml.MappingNode {
			c.errorf(p.v, path, RuleTemplate, "output must be a mapping, not %s", kindName(p.v))
			continue
		}
		o := ir.Output{Name: p.key, Loc: c.loc(p.k)}
		for _, a := range c.pairs(p.v, path) {
			apath := join(path, a.key)
			switch a.key {
			case "Value":
				o.Value = c.value(a.v, apath, 0)
			case "Description":
				if s, ok := c.plainString(a.v); ok {
					o.Description = s
				} else {
					c.errorf(a.v, apath, RuleTemplate, "output Description must be a string")
				}
			case "Export":
				m, ok := c.value(a.v, apath, 0).(*ir.Map)
				if !ok || m.Get("Name") == nil {
					c.errorf(a.v, apath, RuleTemplate, "Export must be a mapping with a Name")
					continue
				}
				o.ExportName = m.Get("Name")
			case "Condition":
				s, ok := c.plainString(a.v)
				if !ok || s == "" {
					c.errorf(a.v, apath, RuleTemplate, "Condition must be a condition name")
					continue
				}
				conds = append(conds, outputCondition{p.key, s})
				c.site(a.v, apath, Site{Kind: SiteCondition, Target: s})
			default:
				msg := fmt.Sprintf("unknown output attribute %q", a.key)
				if s := suggest(a.key, outputKeys); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				c.errorf(a.k, apath, RuleUnknownKey, "%s", msg)
			}
		}
		if _, null := o.Value.(ir.Null); o.Value == nil || null {
			c.errorf(p.k, path, RuleTemplate, "output %q has no Value", p.key)
			continue
		}
		g.Outputs = append(g.Outputs, o)
	}
	return conds
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// recovered wraps a worker goroutine's panic value, so that values of any
// type fit one atomic.Value.
type recovered struct{ value any }
