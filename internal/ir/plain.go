package ir

import "encoding/json"

// Plain converts a Value to plain Go data in CloudFormation's JSON form:
// map[string]any, []any, string, json.Number, bool, nil, and intrinsics as
// single-key maps ({"Ref": "X"}, {"Fn::GetAtt": ["X", "Attr"]},
// {"Fn::Sub": "..."}). Map order is lost; use it for checks and encoding
// with sorted keys, not for rendering.
func Plain(v Value) any {
	switch x := v.(type) {
	case nil:
		return nil
	case String:
		return string(x)
	case Number:
		return json.Number(x)
	case Bool:
		return bool(x)
	case Null:
		return nil
	case *List:
		if x == nil {
			return nil
		}
		out := make([]any, len(x.Items))
		for i, it := range x.Items {
			out[i] = Plain(it)
		}
		return out
	case *Map:
		if x == nil {
			return nil
		}
		out := make(map[string]any, len(x.Entries))
		for _, e := range x.Entries {
			out[e.Key] = Plain(e.Value)
		}
		return out
	case Ref:
		return map[string]any{"Ref": x.Target}
	case GetAtt:
		return map[string]any{"Fn::GetAtt": []any{x.Target, x.Attr}}
	case Sub:
		if x.Vars == nil || x.Vars.Len() == 0 {
			return map[string]any{"Fn::Sub": x.Format}
		}
		return map[string]any{"Fn::Sub": []any{x.Format, Plain(x.Vars)}}
	case Join:
		items := make([]any, len(x.Items))
		for i, it := range x.Items {
			items[i] = Plain(it)
		}
		return map[string]any{"Fn::Join": []any{x.Sep, items}}
	case Call:
		return map[string]any{x.Fn: Plain(x.Args)}
	}
	return nil
}
