package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	importer "github.com/hoist-dev/hoist/internal/importer/cloudformation"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/cfn"
)

func unquote(s string) (string, error) { return strconv.Unquote(s) }

// references checks every reference site: Refs and ${} names must name a
// resource, parameter or pseudo parameter; GetAtt a resource and one of its
// type's attributes; DependsOn a resource; condition names a condition;
// Fn::FindInMap a mapping. It also reports unused parameters and DependsOn
// cycles.
func (v *cfnValidator) references() {
	g := v.t.Graph
	types := map[string]string{}
	var resources []string
	for _, r := range g.Resources {
		types[r.ID] = r.Type
		resources = append(resources, r.ID)
	}
	params := map[string]bool{}
	var names []string
	for _, p := range g.Parameters {
		params[p.Name] = true
		names = append(names, p.Name)
	}
	refable := slices.Concat(resources, names, ir.PseudoParameters)
	slices.Sort(refable)
	slices.Sort(resources)
	conds := g.Conditions.Keys()
	slices.Sort(conds)
	sam := v.serverless()
	used := map[string]bool{}
	for _, s := range v.t.Sites {
		where := qualify(s.Path, "")
		switch s.Kind {
		case importer.SiteRef, importer.SiteSub:
			used[s.Target] = true
			if s.Kind == importer.SiteSub && s.Attr != "" {
				v.getAtt(s, where, types, params, resources, sam)
				continue
			}
			_, isRes := types[s.Target]
			switch {
			case strings.HasPrefix(s.Owner, "Conditions.") && isRes:
				v.add(SeverityError, RuleConditionRefs, s.Loc, "%sconditions can refer to parameters only, not to resource %q", where, s.Target)
			case isRes || params[s.Target] || ir.IsPseudo(s.Target):
			default:
				what := "Ref to"
				if s.Kind == importer.SiteSub {
					what = "${} names"
				}
				v.add(SeverityError, RuleDanglingRef, s.Loc, "%s%s undefined %q%s", where, what, s.Target, didYouMean(s.Target, refable))
			}
		case importer.SiteGetAtt:
			v.getAtt(s, where, types, params, resources, sam)
		case importer.SiteDependsOn:
			if _, ok := types[s.Target]; !ok {
				v.add(SeverityError, RuleDanglingRef, s.Loc, "%sDependsOn undefined resource %q%s", where, s.Target, didYouMean(s.Target, resources))
			} else if "Resources."+s.Target == s.Owner {
				v.add(SeverityError, RuleCircularDepends, s.Loc, "%sa resource cannot depend on itself", where)
			}
		case importer.SiteCondition:
			if g.Conditions.Get(s.Target) == nil {
				v.add(SeverityError, RuleDanglingRef, s.Loc, "%scondition %q is not defined%s", where, s.Target, didYouMean(s.Target, conds))
			}
		case importer.SiteFindInMap:
			if v.t.Mappings.Get(s.Target) == nil {
				v.add(SeverityError, RuleDanglingRef, s.Loc, "%sFn::FindInMap: mapping %q is not defined%s", where, s.Target, didYouMean(s.Target, v.t.Mappings.Keys()))
			}
		}
	}
	for _, p := range g.Parameters {
		if !used[p.Name] {
			v.add(SeverityWarning, RuleUnusedParameter, p.Loc, "parameter %q is never used", p.Name)
		}
	}
	v.cycles()
}

func (v *cfnValidator) getAtt(s importer.Site, where string, types map[string]string, params map[string]bool, resources []string, sam bool) {
	typ, ok := types[s.Target]
	switch {
	case params[s.Target]:
		v.add(SeverityError, RuleDanglingRef, s.Loc, "%sGetAtt on %q, which is a parameter, not a resource", where, s.Target)
		return
	case !ok:
		v.add(SeverityError, RuleDanglingRef, s.Loc, "%sGetAtt on undefined resource %q%s", where, s.Target, didYouMean(s.Target, resources))
		return
	case s.Dynamic || s.Attr == "" || typ == "" || (sam && strings.HasPrefix(typ, serverlessTypePrefix)):
		return
	}
	if _, known := cfn.Lookup(typ); !known && !strings.HasPrefix(typ, "Custom::") {
		return // the unknown type is reported already
	}
	if !cfn.HasAttribute(typ, s.Attr) {
		v.add(SeverityError, RuleBadAttribute, s.Loc, "%s%s %q has no attribute %q%s", where, typ, s.Target, s.Attr, didYouMean(s.Attr, cfn.Attributes(typ)))
	}
}

// cycles reports DependsOn cycles, once each, at the first resource of the
// cycle in graph order.
func (v *cfnValidator) cycles() {
	g := v.t.Graph
	byID := make(map[string]*ir.Resource, len(g.Resources))
	for _, r := range g.Resources {
		byID[r.ID] = r
	}
	state := map[string]int{} // 0 new, 1 on stack, 2 done
	var stack []string
	var visit func(id string)
	visit = func(id string) {
		state[id] = 1
		stack = append(stack, id)
		for _, d := range byID[id].DependsOn {
			if d == id || byID[d] == nil {
				continue
			}
			switch state[d] {
			case 0:
				visit(d)
			case 1:
				i := slices.Index(stack, d)
				cycle := append(slices.Clone(stack[i:]), d)
				v.add(SeverityError, RuleCircularDepends, byID[d].Loc, "%s: DependsOn cycle %s", d, strings.Join(cycle, " -> "))
			}
		}
		stack = stack[:len(stack)-1]
		state[id] = 2
	}
	for _, r := range g.Resources {
		if state[r.ID] == 0 && len(r.DependsOn) > 0 {
			visit(r.ID)
		}
	}
}

func didYouMean(name string, candidates []string) string {
	if s := cfn.Suggest(name, candidates); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return ""
}
