package terraform

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/schema/cfn"
)

// recase rewrites the keys of a document written in another case (the ECS
// API's camelCase container definitions, the provider's snake_case WAF
// blocks) to CloudFormation's property names, following the property
// type's schema: a key matches the property whose name is the same
// ignoring case and underscores. Free-form maps (log options, labels) keep
// their keys; a one-block list where the schema wants an object is
// unwrapped; unknown keys get their first letter upper-cased.
func recase(v ir.Value, t *cfn.Type, depth int) ir.Value {
	if depth > 40 {
		return v
	}
	switch x := v.(type) {
	case *ir.List:
		if t != nil && t.Kind == cfn.KindStruct {
			if len(x.Items) == 1 {
				return recase(x.Items[0], t, depth+1)
			}
			return v
		}
		var elem *cfn.Type
		if t != nil && t.Kind == cfn.KindList {
			elem = t.Elem
		}
		out := &ir.List{Loc: x.Loc}
		for _, it := range x.Items {
			out.Items = append(out.Items, recase(it, elem, depth+1))
		}
		return out
	case *ir.Map:
		if t != nil && (t.Kind == cfn.KindMap || t.Kind == cfn.KindJSON) {
			return v
		}
		var def *cfn.Definition
		if t != nil && t.Kind == cfn.KindStruct {
			def, _ = cfn.PropertyType(t.Name)
		}
		out := &ir.Map{Loc: x.Loc}
		for _, e := range x.Entries {
			key, pt := pascal(e.Key), (*cfn.Type)(nil)
			if def != nil {
				want := strings.ReplaceAll(e.Key, "_", "")
				for i := range def.Properties {
					if strings.EqualFold(def.Properties[i].Name, want) {
						key, pt = def.Properties[i].Name, &def.Properties[i].Type
						break
					}
				}
			}
			out.Entries = append(out.Entries, ir.Entry{Key: key, Value: recase(e.Value, pt, depth+1), Loc: e.Loc})
		}
		return out
	}
	return v
}

// pascal turns snake_case or camelCase into PascalCase.
func pascal(k string) string {
	var sb strings.Builder
	up := true
	for _, r := range k {
		if r == '_' {
			up = true
			continue
		}
		if up {
			sb.WriteString(strings.ToUpper(string(r)))
			up = false
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// recaser returns a conversion that recases a value as a property of the
// named property type: a list of them when list is set.
func recaser(typeName string, list bool) func(ir.Value) ir.Value {
	return func(v ir.Value) ir.Value {
		t := &cfn.Type{Kind: cfn.KindStruct, Name: typeName}
		if list {
			t = &cfn.Type{Kind: cfn.KindList, Elem: t}
			v = listOf(v)
		}
		return recase(v, t, 0)
	}
}
