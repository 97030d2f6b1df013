package terraform

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/cfn"
)

// Severities and rules of a Problem.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityInfo    = "info"

	RuleParse       = "tf-parse"
	RuleEval        = "tf-eval"
	RuleProvider    = "tf-provider"
	RuleModule      = "tf-module"
	RuleMerge       = "tf-merge"
	RuleDuplicateID = "tf-duplicate-id"
)

// Problem is something the importer could not read, or read only in part.
type Problem struct {
	Severity, Rule, Message string
	Loc                     ir.Location
}

func (p Problem) String() string {
	if s := p.Loc.String(); s != "" {
		return s + ": " + p.Message
	}
	return p.Message
}

// Instance is one resource instance as Terraform knows it: its address,
// type and attribute values, nested blocks as lists of objects. Both the
// HCL importer and the plan importer (package tfplan) describe what they
// read this way and hand it to Build.
type Instance struct {
	// Address is the full address: module.web.aws_lb.this, aws_s3_bucket.b[0].
	Address string
	// Type is the Terraform type, aws_lb.
	Type string
	// Attrs are the attribute values. References to other resources are
	// already ir.Ref, ir.GetAtt or ir.Sub on their logical IDs.
	Attrs *ir.Map
	Loc   ir.Location
	// DependsOn lists the logical IDs the instance depends on.
	DependsOn []string
	// Retain is lifecycle.prevent_destroy (or skip_destroy).
	Retain bool
	// Metadata is copied to the resource.
	Metadata *ir.Map
}

// LogicalID derives a CloudFormation logical ID from a Terraform address:
// every run of letters and digits, capitalised, joined.
// aws_s3_bucket.assets -> AwsS3BucketAssets, module.web.aws_lb.this[0] ->
// ModuleWebAwsLbThis0.
func LogicalID(address string) string {
	var sb strings.Builder
	up := true
	for _, r := range address {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		sb.WriteRune(r)
	}
	s := sb.String()
	if s == "" || !unicode.IsLetter(rune(s[0])) {
		s = "R" + s
	}
	if len(s) > 240 {
		s = s[:240]
	}
	return s
}

// builder turns instances into a graph.
type builder struct {
	kind  string
	probs []Problem
	// byID finds an instance's resource and Terraform attributes.
	byID  map[string]*built
	order []*built
	// mergedInto maps the ID of a merged resource to its target's.
	mergedInto map[string]string
}

// built is one instance on its way to a resource.
type built struct {
	inst *Instance
	tm   *typeMap
	res  *ir.Resource
	// gone is set when the resource merged into another.
	gone bool
}

// Build maps instances onto CloudFormation-typed resources, merges the
// provider's split resources (bucket versioning, role policies, ...)
// into the resource they configure, and returns the graph with
// resources in instance order. kind is ir.FromTerraform or ir.FromPlan.
func Build(source, kind string, insts []Instance) (*ir.Graph, []Problem) {
	b := &builder{kind: kind, byID: map[string]*built{}, mergedInto: map[string]string{}}
	g := &ir.Graph{Source: source}
	for i := range insts {
		in := &insts[i]
		id := LogicalID(in.Address)
		if _, dup := b.byID[id]; dup {
			base := id
			for n := 2; b.byID[id] != nil; n++ {
				id = base + strconv.Itoa(n)
			}
			b.probs = append(b.probs, Problem{SeverityWarning, RuleDuplicateID,
				fmt.Sprintf("%s: logical ID %s is taken by another address; using %s (references to it may point at the other resource)", in.Address, base, id), in.Loc})
		}
		bt := &built{inst: in, tm: lookup(in.Type)}
		bt.res = &ir.Resource{ID: id, Loc: in.Loc, Origin: ir.Origin{Kind: kind, Source: in.Address},
			DependsOn: in.DependsOn, Metadata: in.Metadata}
		b.byID[id] = bt
		b.order = append(b.order, bt)
	}
	m := &mapper{b: b}
	var extra []*built
	for _, bt := range b.order {
		attrs := bt.inst.Attrs
		if attrs == nil {
			attrs = &ir.Map{}
		}
		if bt.tm == nil {
			bt.res.Type = "Terraform::" + bt.inst.Type
			bt.res.Properties = attrs
			continue
		}
		bt.res.Type = bt.tm.cfn
		if bt.tm.pick != nil {
			bt.res.Type = bt.tm.pick(attrs)
		}
		if bt.tm.split != nil {
			all := bt.tm.split(m, attrs)
			bt.res.Properties = &ir.Map{Loc: bt.inst.Loc}
			if len(all) > 0 {
				bt.res.Properties = all[0]
			}
			for i, more := range all[min(1, len(all)):] {
				r := *bt.res
				r.ID = fmt.Sprintf("%s%d", bt.res.ID, i+2)
				r.Properties = more
				extra = append(extra, &built{inst: bt.inst, tm: bt.tm, res: &r})
			}
			continue
		}
		out := &ir.Map{Loc: bt.inst.Loc}
		m.apply(bt.tm.fields, attrs, out)
		if bt.tm.post != nil {
			bt.tm.post(m, attrs, out)
		}
		bt.res.Properties = out
		if bt.tm.spawn != nil {
			for _, sp := range bt.tm.spawn(m, bt.res.ID, attrs) {
				id := bt.res.ID + sp.suffix
				for n := 2; b.byID[id] != nil; n++ {
					id = bt.res.ID + sp.suffix + strconv.Itoa(n)
				}
				r := &ir.Resource{ID: id, Type: sp.typ, Loc: locOr(sp.props.Loc, bt.inst.Loc), Origin: bt.res.Origin, Properties: sp.props}
				nb := &built{inst: bt.inst, tm: bt.tm, res: r}
				b.byID[id] = nb
				extra = append(extra, nb)
			}
		}
	}
	for _, bt := range b.order {
		if bt.tm != nil && bt.tm.merge != nil {
			b.merge(bt)
		}
	}
	b.order = append(b.order, extra...)
	for _, bt := range b.order {
		if bt.gone {
			continue
		}
		r := bt.res
		if len(r.DependsOn) > 0 {
			// Depending on a merged resource is depending on its target.
			var deps []string
			seen := map[string]bool{r.ID: true}
			for _, d := range r.DependsOn {
				if t, ok := b.mergedInto[d]; ok {
					d = t
				}
				if !seen[d] {
					seen[d] = true
					deps = append(deps, d)
				}
			}
			r.DependsOn = deps
		}
		if bt.inst.Retain {
			r.DeletionPolicy, r.UpdateReplacePolicy = "Retain", "Retain"
		}
		if bt.tm != nil && bt.tm.cfn != "" && !strings.HasPrefix(r.Type, "Terraform::") {
			coerce(r.Type, r.Properties)
		}
		g.Resources = append(g.Resources, r)
	}
	return g, b.probs
}

// merge folds a merging resource into its target, or keeps it on its own
// when the target is not in the import.
func (b *builder) merge(bt *built) {
	ms := bt.tm.merge
	target := b.target(bt.inst.Attrs.Get(ms.attr), ms.targets, func(t *built) bool {
		for _, a := range ms.same {
			mine, theirs := bt.inst.Attrs.Get(a), t.inst.Attrs.Get(a)
			if mine != nil && theirs != nil && !reflect.DeepEqual(ir.Plain(mine), ir.Plain(theirs)) {
				return false
			}
		}
		return true
	})
	if target == nil {
		if bt.tm.cfn == "" {
			bt.res.Type = "Terraform::" + bt.inst.Type
			bt.res.Properties = bt.inst.Attrs
		}
		b.probs = append(b.probs, Problem{SeverityInfo, RuleMerge,
			fmt.Sprintf("%s: the %s it configures is not in the import; kept as %s", bt.inst.Address, ms.attr, bt.res.Type), bt.inst.Loc})
		return
	}
	own := bt.res.Properties
	if ms.into != nil {
		ms.into(own, target.res.Properties)
	} else {
		for _, d := range ms.drop {
			own.Set(d, nil)
		}
		mergeMaps(target.res.Properties, own)
	}
	bt.gone = true
	b.mergedInto[bt.res.ID] = target.res.ID
}

// target finds the resource a reference or a literal name points at,
// among those of the given types that also pass match.
func (b *builder) target(v ir.Value, types []string, match func(*built) bool) *built {
	ok := func(bt *built) bool {
		if bt == nil || bt.gone || !match(bt) {
			return false
		}
		for _, t := range types {
			if bt.inst.Type == t {
				return true
			}
		}
		return false
	}
	switch x := v.(type) {
	case ir.Ref:
		if bt := b.byID[x.Target]; ok(bt) {
			return bt
		}
	case ir.GetAtt:
		if bt := b.byID[x.Target]; ok(bt) {
			return bt
		}
	case ir.String:
		// A literal name: the target whose Ref attributes hold it.
		for _, bt := range b.order {
			if !ok(bt) {
				continue
			}
			for _, r := range bt.tm.ref {
				if s, isStr := bt.inst.Attrs.Get(r).(ir.String); isStr && s == x {
					return bt
				}
			}
		}
	}
	return nil
}

// coerce converts scalars to the types the CloudFormation schema gives
// their properties: Terraform's numbers where CloudFormation wants strings
// (AllocatedStorage), strings where it wants numbers or booleans.
func coerce(typ string, props *ir.Map) {
	res, ok := cfn.Lookup(typ)
	if !ok || props == nil {
		return
	}
	for i, e := range props.Entries {
		p, ok := res.Property(e.Key)
		if !ok {
			continue
		}
		props.Entries[i].Value = coerceValue(p.Type, e.Value, 0)
	}
}

func coerceValue(t cfn.Type, v ir.Value, depth int) ir.Value {
	if depth > 20 {
		return v
	}
	switch t.Kind {
	case cfn.KindString:
		switch x := v.(type) {
		case ir.Number:
			return ir.String(x)
		case ir.Bool:
			return ir.String(strconv.FormatBool(bool(x)))
		case *ir.Map, *ir.List:
			// A document CloudFormation takes as a JSON string
			// (LifecyclePolicyText, DashboardBody) written with jsonencode.
			if ir.IsLiteral(x) {
				if b, err := json.Marshal(ir.Plain(x)); err == nil {
					return ir.String(b)
				}
			}
		}
	case cfn.KindInteger, cfn.KindNumber:
		if s, ok := v.(ir.String); ok {
			if _, err := strconv.ParseFloat(string(s), 64); err == nil {
				return ir.Number(s)
			}
		}
	case cfn.KindBoolean:
		if s, ok := v.(ir.String); ok {
			switch string(s) {
			case "true":
				return ir.Bool(true)
			case "false":
				return ir.Bool(false)
			}
		}
	case cfn.KindList:
		if l, ok := v.(*ir.List); ok && l != nil && t.Elem != nil {
			for i, it := range l.Items {
				l.Items[i] = coerceValue(*t.Elem, it, depth+1)
			}
		}
	case cfn.KindMap:
		if m, ok := v.(*ir.Map); ok && m != nil && t.Elem != nil {
			for i, e := range m.Entries {
				m.Entries[i].Value = coerceValue(*t.Elem, e.Value, depth+1)
			}
		}
	case cfn.KindStruct:
		m, ok := v.(*ir.Map)
		if !ok || m == nil {
			return v
		}
		def, ok := cfn.PropertyType(t.Name)
		if !ok {
			return v
		}
		for i, e := range m.Entries {
			if p, ok := def.Property(e.Key); ok {
				m.Entries[i].Value = coerceValue(p.Type, e.Value, depth+1)
			}
		}
	}
	return v
}

// sortResources orders resources by file, line, column, then address.
func sortResources(rs []*ir.Resource) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.Loc.File != b.Loc.File {
			return a.Loc.File < b.Loc.File
		}
		if a.Loc.Line != b.Loc.Line {
			return a.Loc.Line < b.Loc.Line
		}
		if a.Loc.Column != b.Loc.Column {
			return a.Loc.Column < b.Loc.Column
		}
		return a.Origin.Source < b.Origin.Source
	})
}
