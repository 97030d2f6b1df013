package cloudformation

import "github.com/hoist-dev/hoist/internal/ir"

// tri is a condition's value when it may not be known before deployment.
type tri int8

const (
	unknown tri = iota
	no
	yes
)

func triOf(b bool) tri {
	if b {
		return yes
	}
	return no
}

// evaluator decides conditions from literals, parameter values and the
// region. Anything else (a Ref to a resource, a parameter with no default,
// an import) leaves the condition unknown.
type evaluator struct {
	conds    *ir.Map
	params   map[string]string
	region   string
	memo     map[string]tri
	visiting map[string]bool
}

func newEvaluator(g *ir.Graph, opts Options) *evaluator {
	e := &evaluator{conds: g.Conditions, params: map[string]string{}, region: opts.Region, memo: map[string]tri{}, visiting: map[string]bool{}}
	for _, p := range g.Parameters {
		if s, ok := literal(p.Default); ok {
			e.params[p.Name] = s
		}
	}
	for k, v := range opts.Parameters {
		if g.Parameter(k) != nil {
			e.params[k] = v
		}
	}
	return e
}

// literal is a scalar's text as CloudFormation compares it.
func literal(v ir.Value) (string, bool) {
	switch x := v.(type) {
	case ir.String:
		return string(x), true
	case ir.Number:
		return string(x), true
	case ir.Bool:
		if x {
			return "true", true
		}
		return "false", true
	}
	return "", false
}

// cond evaluates a named condition; a cycle is unknown.
func (e *evaluator) cond(name string) tri {
	if t, ok := e.memo[name]; ok {
		return t
	}
	v := e.conds.Get(name)
	if v == nil || e.visiting[name] {
		return unknown
	}
	e.visiting[name] = true
	t := e.expr(v)
	delete(e.visiting, name)
	e.memo[name] = t
	return t
}

func (e *evaluator) expr(v ir.Value) tri {
	c, ok := v.(ir.Call)
	if !ok {
		return unknown
	}
	if c.Fn == "Condition" {
		if s, ok := c.Args.(ir.String); ok {
			return e.cond(string(s))
		}
		return unknown
	}
	args, ok := ir.AsList(c.Args)
	if !ok {
		return unknown
	}
	switch c.Fn {
	case "Fn::Equals":
		if len(args) != 2 {
			return unknown
		}
		a, aok := e.scalar(args[0])
		b, bok := e.scalar(args[1])
		if !aok || !bok {
			return unknown
		}
		return triOf(a == b)
	case "Fn::Not":
		if len(args) != 1 {
			return unknown
		}
		switch e.expr(args[0]) {
		case yes:
			return no
		case no:
			return yes
		}
		return unknown
	case "Fn::And", "Fn::Or":
		// And is false when any term is false, Or true when any is true,
		// whatever the unknown terms are.
		decisive, other := no, yes
		if c.Fn == "Fn::Or" {
			decisive, other = yes, no
		}
		result := other
		for _, a := range args {
			switch e.expr(a) {
			case decisive:
				return decisive
			case unknown:
				result = unknown
			}
		}
		return result
	}
	return unknown
}

// scalar resolves an Fn::Equals operand to text where it can.
func (e *evaluator) scalar(v ir.Value) (string, bool) {
	if s, ok := literal(v); ok {
		return s, true
	}
	if r, ok := v.(ir.Ref); ok {
		if r.Target == "AWS::Region" {
			return e.region, e.region != ""
		}
		s, ok := e.params[r.Target]
		return s, ok
	}
	return "", false
}

// resolve replaces every decidable Fn::If in v with its chosen branch. It
// reports remove when v itself resolves to AWS::NoValue.
func (e *evaluator) resolve(v ir.Value) (out ir.Value, remove bool) {
	switch x := v.(type) {
	case *ir.Map:
		if x == nil {
			return x, false
		}
		kept := x.Entries[:0]
		for _, en := range x.Entries {
			nv, rm := e.resolve(en.Value)
			if rm {
				continue
			}
			en.Value = nv
			kept = append(kept, en)
		}
		x.Entries = kept
		return x, false
	case *ir.List:
		if x == nil {
			return x, false
		}
		kept := x.Items[:0]
		for _, it := range x.Items {
			nv, rm := e.resolve(it)
			if rm {
				continue
			}
			kept = append(kept, nv)
		}
		x.Items = kept
		return x, false
	case ir.Sub:
		if x.Vars != nil {
			e.resolve(x.Vars)
		}
		return x, false
	case ir.Join:
		items := x.Items[:0]
		for _, it := range x.Items {
			if nv, rm := e.resolve(it); !rm {
				items = append(items, nv)
			}
		}
		x.Items = items
		return x, false
	case ir.Call:
		if x.Fn == "Fn::If" {
			if args, ok := ir.AsList(x.Args); ok && len(args) == 3 {
				if name, ok := args[0].(ir.String); ok {
					var chosen ir.Value
					switch e.cond(string(name)) {
					case yes:
						chosen = args[1]
					case no:
						chosen = args[2]
					}
					if chosen != nil {
						if r, ok := chosen.(ir.Ref); ok && r.Target == "AWS::NoValue" {
							return nil, true
						}
						return e.resolve(chosen)
					}
					// Undecided: resolve inside both branches, keeping a
					// branch that becomes AWS::NoValue as written.
					for i := 1; i < 3; i++ {
						if nv, rm := e.resolve(args[i]); rm {
							args[i] = ir.Ref{Target: "AWS::NoValue"}
						} else {
							args[i] = nv
						}
					}
					return x, false
				}
			}
		}
		if x.Args != nil {
			if nv, rm := e.resolve(x.Args); !rm {
				x.Args = nv
			}
		}
		return x, false
	}
	return v, false
}

// resolveConditions evaluates conditions over the whole template: decidable
// Fn::If become their branch, and resources and outputs whose condition is
// decidably false go.
func resolveConditions(t *Template, opts Options) {
	g := t.Graph
	if g.Conditions.Len() == 0 {
		return
	}
	e := newEvaluator(g, opts)
	kept := g.Resources[:0]
	for _, r := range g.Resources {
		if r.Condition != "" && e.cond(r.Condition) == no {
			t.Dropped = append(t.Dropped, r.ID)
			continue
		}
		if r.Properties != nil {
			e.resolve(r.Properties)
		}
		if r.Metadata != nil {
			e.resolve(r.Metadata)
		}
		kept = append(kept, r)
	}
	g.Resources = kept
	drop := map[string]bool{}
	for _, oc := range t.outputConds {
		if e.cond(oc.condition) == no {
			drop[oc.output] = true
		}
	}
	outs := g.Outputs[:0]
	for _, o := range g.Outputs {
		if drop[o.Name] {
			continue
		}
		// An output cannot be removed by its value: AWS::NoValue stays.
		if nv, rm := e.resolve(o.Value); rm {
			o.Value = ir.Ref{Target: "AWS::NoValue"}
		} else {
			o.Value = nv
		}
		if o.ExportName != nil {
			if nv, rm := e.resolve(o.ExportName); !rm {
				o.ExportName = nv
			}
		}
		outs = append(outs, o)
	}
	g.Outputs = outs
}
