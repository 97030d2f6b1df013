package cloudformation

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/cfn"
	"go.yaml.in/yaml/v3"
)

func suggest(name string, candidates []string) string { return cfn.Suggest(name, candidates) }

// isCustomTag reports a local tag such as !Ref, as opposed to a standard
// one (!!str) or none.
func isCustomTag(tag string) bool {
	return strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!")
}

// shape is what an intrinsic function takes.
type shape uint8

const (
	anyValue    shape = iota // any value
	scalarOrFn               // a scalar or an intrinsic function
	listOf                   // a list of min..max items
	mapWithName              // a mapping with a Name key (Fn::Transform)
)

type fnSpec struct {
	shape    shape
	min, max int
}

// functions are the intrinsic functions besides Ref, Fn::GetAtt, Fn::Sub
// and Fn::Join, which become their own IR values.
var functions = map[string]fnSpec{
	"Fn::And":          {listOf, 2, 10},
	"Fn::Base64":       {anyValue, 0, 0},
	"Fn::Cidr":         {listOf, 3, 3},
	"Fn::Equals":       {listOf, 2, 2},
	"Fn::FindInMap":    {listOf, 3, 4},
	"Fn::GetAZs":       {scalarOrFn, 0, 0},
	"Fn::If":           {listOf, 3, 3},
	"Fn::ImportValue":  {scalarOrFn, 0, 0},
	"Fn::Length":       {anyValue, 0, 0},
	"Fn::Not":          {listOf, 1, 1},
	"Fn::Or":           {listOf, 2, 10},
	"Fn::Select":       {listOf, 2, 2},
	"Fn::Split":        {listOf, 2, 2},
	"Fn::ToJsonString": {anyValue, 0, 0},
	"Fn::Transform":    {mapWithName, 0, 0},
	"Condition":        {scalarOrFn, 0, 0},
	// Rule-specific functions (template Rules, e.g. CDK's
	// CheckBootstrapVersion).
	"Fn::Contains":         {listOf, 2, 2},
	"Fn::EachMemberEquals": {listOf, 2, 2},
	"Fn::EachMemberIn":     {listOf, 2, 2},
	"Fn::RefAll":           {scalarOrFn, 0, 0},
	"Fn::ValueOf":          {listOf, 2, 2},
	"Fn::ValueOfAll":       {listOf, 2, 2},
}

// knownFunction reports a name Hoist understands, for tags and long forms.
func knownFunction(name string) bool {
	switch name {
	case "Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join":
		return true
	}
	_, ok := functions[name]
	return ok
}

// intrinsicName returns the function a node is written as, "" for none:
// a short-form tag (!GetAtt) or a single-key mapping whose key is Ref,
// Condition (with a scalar value) or Fn::Name.
func intrinsicName(n *yaml.Node) (name string, arg *yaml.Node) {
	if isCustomTag(n.Tag) {
		t := n.Tag[1:]
		switch t {
		case "Ref", "Condition":
			return t, n
		}
		return "Fn::" + t, n
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Kind == yaml.ScalarNode {
		k, v := n.Content[0].Value, n.Content[1]
		switch {
		case k == "Ref", strings.HasPrefix(k, "Fn::"):
			return k, v
		case k == "Condition" && v.Kind == yaml.ScalarNode:
			return k, v
		}
	}
	return "", nil
}

// value converts a YAML node to an IR value.
func (c *conv) value(n *yaml.Node, path string, depth int) ir.Value {
	if n = c.deref(n, path); n == nil {
		return ir.Null{}
	}
	if depth > maxDepth {
		if depth == maxDepth+1 {
			c.errorf(n, path, RuleParse, "nested more than %d levels deep", maxDepth)
		}
		return ir.Null{}
	}
	if name, arg := intrinsicName(n); name != "" {
		return c.intrinsic(name, n, arg, path, depth)
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return scalar(n)
	case yaml.SequenceNode:
		l := &ir.List{Loc: c.loc(n), Items: make([]ir.Value, 0, len(n.Content))}
		for i, it := range n.Content {
			if bareScalar(it, depth+1) {
				l.Items = append(l.Items, scalar(it))
				continue
			}
			l.Items = append(l.Items, c.value(it, index(path, i), depth+1))
		}
		return l
	case yaml.MappingNode:
		ps := c.pairs(n, path)
		m := &ir.Map{Loc: c.loc(n), Entries: make([]ir.Entry, 0, len(ps))}
		for _, p := range ps {
			var v ir.Value
			if bareScalar(p.v, depth+1) {
				v = scalar(p.v)
			} else {
				v = c.value(p.v, join(path, p.key), depth+1)
			}
			m.Entries = append(m.Entries, ir.Entry{Key: p.key, Value: v, Loc: c.loc(p.k)})
		}
		return m
	}
	return ir.Null{}
}

// bareScalar reports a node that value, at that depth, turns into
// scalar(n) without a word about it: a scalar without a function's tag,
// not too deep. Its path need not be built.
func bareScalar(n *yaml.Node, depth int) bool {
	return n.Kind == yaml.ScalarNode && depth <= maxDepth && !isCustomTag(n.Tag)
}

// scalar converts an untagged (or standard-tagged) scalar.
func scalar(n *yaml.Node) ir.Value {
	switch n.ShortTag() {
	case "!!int", "!!float":
		return ir.Number(n.Value)
	case "!!bool":
		return ir.Bool(strings.EqualFold(n.Value, "true"))
	case "!!null":
		return ir.Null{}
	}
	return ir.String(n.Value)
}

// untagged is the argument of a short-form function: the node without its
// tag, a scalar read as a string.
func untagged(n *yaml.Node) *yaml.Node {
	cp := *n
	switch n.Kind {
	case yaml.ScalarNode:
		cp.Tag = "!!str"
	case yaml.SequenceNode:
		cp.Tag = "!!seq"
	case yaml.MappingNode:
		cp.Tag = "!!map"
	}
	return &cp
}

func (c *conv) site(n *yaml.Node, path string, s Site) {
	s.Owner, s.Path, s.Loc = c.owner, path, c.loc(n)
	c.sites = append(c.sites, s)
}

// intrinsic converts a function call. at is the node the call is written
// at; arg its argument (for a short form, at itself, still tagged).
func (c *conv) intrinsic(name string, at, arg *yaml.Node, path string, depth int) ir.Value {
	if arg == at {
		arg = untagged(at)
	}
	if arg = c.deref(arg, path); arg == nil {
		return ir.Null{}
	}
	if !knownFunction(name) {
		c.errorf(at, path, RuleMalformedIntrinsic, "unknown intrinsic function %q", name)
		return ir.Call{Fn: name, Args: c.value(arg, path, depth+1)}
	}
	bad := func(format string, args ...any) ir.Value {
		c.errorf(at, path, RuleMalformedIntrinsic, format, args...)
		return ir.Call{Fn: name, Args: c.value(arg, path, depth+1)}
	}
	switch name {
	case "Ref":
		s, ok := c.plainString(arg)
		if !ok || s == "" {
			return bad("Ref takes the name of a resource or parameter")
		}
		c.site(at, path, Site{Kind: SiteRef, Target: s})
		return ir.Ref{Target: s}
	case "Fn::GetAtt":
		return c.getAtt(at, arg, path, depth, bad)
	case "Fn::Sub":
		return c.sub(at, arg, path, depth, bad)
	case "Fn::Join":
		if arg.Kind != yaml.SequenceNode || len(arg.Content) != 2 {
			return bad("Fn::Join takes [separator, [values...]]")
		}
		sepNode, items := c.deref(arg.Content[0], path), c.deref(arg.Content[1], path)
		if sepNode == nil || items == nil {
			return ir.Null{}
		}
		sep, ok := c.plainString(sepNode)
		if !ok {
			return bad("Fn::Join separator must be a string")
		}
		if n, _ := intrinsicName(items); n != "" {
			return ir.Call{Fn: name, Args: c.value(arg, path, depth+1)}
		}
		if items.Kind != yaml.SequenceNode {
			return bad("Fn::Join takes [separator, [values...]]")
		}
		j := ir.Join{Sep: sep, Items: make([]ir.Value, 0, len(items.Content))}
		for i, it := range items.Content {
			j.Items = append(j.Items, c.value(it, index(path, i), depth+1))
		}
		return j
	}
	spec := functions[name]
	fnArg, _ := intrinsicName(arg)
	switch spec.shape {
	case scalarOrFn:
		if arg.Kind != yaml.ScalarNode && fnArg == "" {
			return bad("%s takes a string, not %s", name, kindName(arg))
		}
	case mapWithName:
		if arg.Kind != yaml.MappingNode || fnArg != "" {
			return bad("%s takes a mapping with Name and Parameters", name)
		}
	case listOf:
		if arg.Kind != yaml.SequenceNode || fnArg != "" {
			return bad("%s takes a list of %s", name, count(spec.min, spec.max))
		}
		if n := len(arg.Content); n < spec.min || n > spec.max {
			return bad("%s takes %s, got %d", name, count(spec.min, spec.max), n)
		}
	}
	switch name {
	case "Condition":
		if s, ok := c.plainString(arg); ok {
			c.site(at, path, Site{Kind: SiteCondition, Target: s})
		}
	case "Fn::If":
		if s, ok := c.plainString(c.deref(arg.Content[0], path)); ok {
			c.site(at, path, Site{Kind: SiteCondition, Target: s})
		} else {
			return bad("Fn::If takes a condition name first")
		}
	case "Fn::Select":
		idx := c.deref(arg.Content[0], path)
		if idx == nil {
			return ir.Null{}
		}
		if n, _ := intrinsicName(idx); n == "" {
			i, ok := ir.AsInt(scalarText(idx))
			if !ok || i < 0 {
				return bad("Fn::Select index %q is not a number", idx.Value)
			}
		}
	case "Fn::Split":
		if _, ok := c.plainString(c.deref(arg.Content[0], path)); !ok {
			return bad("Fn::Split delimiter must be a string")
		}
	case "Fn::FindInMap":
		if s, ok := c.plainString(c.deref(arg.Content[0], path)); ok {
			c.site(at, path, Site{Kind: SiteFindInMap, Target: s})
		}
	case "Fn::Transform":
		hasName := false
		for _, p := range c.pairs(arg, path) {
			hasName = hasName || p.key == "Name"
		}
		if !hasName {
			return bad("Fn::Transform needs a Name")
		}
	}
	return ir.Call{Fn: name, Args: c.value(arg, path, depth+1)}
}

func scalarText(n *yaml.Node) ir.Value {
	if n.Kind != yaml.ScalarNode {
		return nil
	}
	return ir.String(n.Value)
}

func count(lo, hi int) string {
	word := func(n int) string {
		return [...]string{"no arguments", "one argument", "two arguments", "three arguments", "four arguments"}[min(n, 4)]
	}
	switch {
	case lo == hi:
		return word(lo)
	case hi == 10:
		return "two to ten conditions"
	}
	return strings.TrimSuffix(word(lo), " arguments") + " or " + word(hi)
}

func (c *conv) getAtt(at, arg *yaml.Node, path string, depth int, bad func(string, ...any) ir.Value) ir.Value {
	switch arg.Kind {
	case yaml.ScalarNode:
		s, ok := c.plainString(arg)
		if !ok {
			return bad("Fn::GetAtt takes Resource.Attribute or [Resource, Attribute]")
		}
		target, attr, found := strings.Cut(s, ".")
		if !found || target == "" || attr == "" {
			return bad("Fn::GetAtt %q needs Resource.Attribute", s)
		}
		c.site(at, path, Site{Kind: SiteGetAtt, Target: target, Attr: attr})
		return ir.GetAtt{Target: target, Attr: attr}
	case yaml.SequenceNode:
		if len(arg.Content) != 2 {
			return bad("Fn::GetAtt takes [Resource, Attribute], got %d items", len(arg.Content))
		}
		tn, an := c.deref(arg.Content[0], path), c.deref(arg.Content[1], path)
		if tn == nil || an == nil {
			return ir.Null{}
		}
		target, ok := c.plainString(tn)
		if !ok || target == "" {
			return bad("Fn::GetAtt takes a logical ID first")
		}
		if n, _ := intrinsicName(an); n != "" {
			c.site(at, path, Site{Kind: SiteGetAtt, Target: target, Dynamic: true})
			return ir.Call{Fn: "Fn::GetAtt", Args: c.value(arg, path, depth+1)}
		}
		attr, ok := c.plainString(an)
		if !ok || attr == "" {
			return bad("Fn::GetAtt attribute must be a string")
		}
		c.site(at, path, Site{Kind: SiteGetAtt, Target: target, Attr: attr})
		return ir.GetAtt{Target: target, Attr: attr}
	}
	return bad("Fn::GetAtt takes Resource.Attribute or [Resource, Attribute]")
}

func (c *conv) sub(at, arg *yaml.Node, path string, depth int, bad func(string, ...any) ir.Value) ir.Value {
	var format string
	var vars *ir.Map
	switch arg.Kind {
	case yaml.ScalarNode:
		s, ok := c.plainString(arg)
		if !ok {
			return bad("Fn::Sub takes a string or [string, {variables}]")
		}
		format = s
	case yaml.SequenceNode:
		if len(arg.Content) != 2 {
			return bad("Fn::Sub takes a string or [string, {variables}], got %d items", len(arg.Content))
		}
		fn, vn := c.deref(arg.Content[0], path), c.deref(arg.Content[1], path)
		if fn == nil || vn == nil {
			return ir.Null{}
		}
		s, ok := c.plainString(fn)
		if !ok {
			return bad("Fn::Sub takes a format string first")
		}
		if n, _ := intrinsicName(vn); n != "" || vn.Kind != yaml.MappingNode {
			return bad("Fn::Sub variables must be a mapping")
		}
		format = s
		vars, _ = c.value(vn, index(path, 1), depth+1).(*ir.Map)
	default:
		return bad("Fn::Sub takes a string or [string, {variables}]")
	}
	names := ir.SubNames(format)
	if len(names) == 0 {
		c.problem(at, path, RuleMalformedIntrinsic, SeverityWarning, "Fn::Sub has no ${} variable; a plain string does the same")
	}
	if strings.Count(format, "${") > strings.Count(format, "}") {
		c.errorf(at, path, RuleMalformedIntrinsic, "Fn::Sub has an unclosed ${")
	}
	for _, name := range names {
		target, attr, _ := strings.Cut(name, ".")
		if vars.Get(target) != nil && attr == "" {
			continue
		}
		c.site(at, path, Site{Kind: SiteSub, Target: strings.TrimSpace(target), Attr: attr})
	}
	return ir.Sub{Format: format, Vars: vars}
}
