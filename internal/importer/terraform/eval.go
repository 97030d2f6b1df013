package terraform

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Evaluation states of lazily evaluated declarations.
const (
	todo = iota
	busy
	done
)

// maxInstances caps count and for_each, so that a typo cannot make an
// import allocate without end.
const maxInstances = 10000

// parsed is one parsed .tf file.
type parsed struct {
	name string // as shown in locations
	dir  string // the folder, slash-separated, relative to the import's root
	src  []byte
	body *hclsyntax.Body
}

func (f *parsed) loc(r hcl.Range) ir.Location {
	return ir.Location{File: f.name, Line: r.Start.Line, Column: r.Start.Column}
}

// text is the source of a range.
func (f *parsed) text(r hcl.Range) string {
	if r.Start.Byte < 0 || r.End.Byte > len(f.src) || r.Start.Byte > r.End.Byte {
		return ""
	}
	return string(f.src[r.Start.Byte:r.End.Byte])
}

// module is one instance of a module: the root, or a local module called
// from it (one per count or for_each instance of the call).
type module struct {
	imp    *importer
	dir    string
	prefix string // "" or "module.web." or `module.web["a"].`
	depth  int
	files  []*parsed

	vars      map[string]*variable
	locals    map[string]*local
	resources []*resource
	byAddr    map[string]*resource
	data      map[string]*dataSource
	calls     []*call
	callByKey map[string]*call
	outputs   map[string]*output

	// input evaluates a call argument in the parent, for variables of a
	// child module.
	input func(name string) (cty.Value, bool)
}

type variable struct {
	decl  *hclsyntax.Block
	file  *parsed
	def   hclsyntax.Expression
	typ   cty.Type
	typed bool
	state int
	val   cty.Value
	wrap  cty.Value // {name = val}, once built
}

type local struct {
	attr  *hclsyntax.Attribute
	file  *parsed
	state int
	val   cty.Value
	wrap  cty.Value // {name = val}, once built
}

type output struct {
	attr  *hclsyntax.Attribute
	file  *parsed
	state int
	val   cty.Value
}

// instance is one instance of a resource or module call.
type instance struct {
	addr  string
	hasIx bool
	index cty.Value // count.index
	hasEa bool
	key   cty.Value // each.key
	value cty.Value // each.value
	each  cty.Value // the each object, once built
}

type resource struct {
	typ, name string
	block     *hclsyntax.Block
	file      *parsed
	state     int
	insts     []instance
	counted   bool // count: the value is a tuple
	eached    bool // for_each: the value is an object by key
	val       cty.Value
	attrs     map[string]bool
	full      bool      // attrs holds every base attribute
	wrap      cty.Value // {name = val}, once built; reset with val
}

type dataSource struct {
	typ, name string
	block     *hclsyntax.Block
	file      *parsed
	state     int
	val       cty.Value
	attrs     map[string]bool
}

type call struct {
	name     string
	block    *hclsyntax.Block
	file     *parsed
	source   string
	local    bool
	state    int
	insts    []instance
	counted  bool
	eached   bool
	children []*module
}

// newModule reads the declarations of a module's files.
func (imp *importer) newModule(dir, prefix string, depth int, files []*parsed) *module {
	m := &module{imp: imp, dir: dir, prefix: prefix, depth: depth, files: files,
		vars: map[string]*variable{}, locals: map[string]*local{}, byAddr: map[string]*resource{},
		data: map[string]*dataSource{}, callByKey: map[string]*call{}, outputs: map[string]*output{}}
	for _, f := range files {
		for _, b := range f.body.Blocks {
			switch b.Type {
			case "variable":
				if len(b.Labels) != 1 {
					continue
				}
				v := &variable{decl: b, file: f}
				if a, ok := b.Body.Attributes["default"]; ok {
					v.def = a.Expr
				}
				if a, ok := b.Body.Attributes["type"]; ok {
					if ty, diags := typeexpr.TypeConstraint(a.Expr); !diags.HasErrors() {
						v.typ, v.typed = ty, true
					}
				}
				m.vars[b.Labels[0]] = v
			case "locals":
				for name, a := range b.Body.Attributes {
					m.locals[name] = &local{attr: a, file: f}
				}
			case "output":
				if len(b.Labels) == 1 {
					if a, ok := b.Body.Attributes["value"]; ok {
						m.outputs[b.Labels[0]] = &output{attr: a, file: f}
					}
				}
			case "resource":
				if len(b.Labels) != 2 {
					continue
				}
				r := &resource{typ: b.Labels[0], name: b.Labels[1], block: b, file: f}
				key := r.typ + "." + r.name
				if _, dup := m.byAddr[key]; dup {
					imp.problem(SeverityError, RuleEval, f.loc(b.DefRange()), "%s%s is declared twice", prefix, key)
					continue
				}
				m.byAddr[key] = r
				m.resources = append(m.resources, r)
			case "data":
				if len(b.Labels) == 2 {
					m.data[b.Labels[0]+"."+b.Labels[1]] = &dataSource{typ: b.Labels[0], name: b.Labels[1], block: b, file: f}
				}
			case "module":
				if len(b.Labels) != 1 {
					continue
				}
				c := &call{name: b.Labels[0], block: b, file: f}
				c.source, _ = literalSource(b)
				c.local = isLocalSource(c.source)
				m.calls = append(m.calls, c)
				m.callByKey[c.name] = c
			}
		}
	}
	return m
}

// literalSource returns a module block's source when it is a literal
// string.
func literalSource(b *hclsyntax.Block) (string, bool) {
	a, ok := b.Body.Attributes["source"]
	if !ok {
		return "", false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || v.Type() != cty.String || !v.IsKnown() || v.IsNull() {
		return "", false
	}
	return v.AsString(), true
}

// isLocalSource reports a module source that is a folder of the
// configuration.
func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../")
}

// evalCtx builds the evaluation context for one expression: only the
// names it refers to, each evaluated on demand.
func (m *module) evalCtx(e hcl.Expression, inst *instance, extra map[string]cty.Value) *hcl.EvalContext {
	var trs []hcl.Traversal
	if se, ok := e.(hclsyntax.Expression); ok {
		trs = traversals(se, nil)
	} else {
		trs = e.Variables()
	}
	if len(trs) == 0 && len(extra) == 0 {
		return staticCtx()
	}
	vars := make(map[string]cty.Value, len(trs)+len(extra))
	objs := map[string]map[string]cty.Value{}
	// wraps holds, for a root with one name, where the declaration caches
	// the object {name = value}: most expressions name one variable, one
	// local or one resource of a type, and building objects is dear.
	var wraps map[string]*cty.Value
	put := func(root, name string, v cty.Value) {
		if objs[root] == nil {
			objs[root] = map[string]cty.Value{}
		}
		objs[root][name] = v
	}
	putCached := func(root, name string, v cty.Value, wrap *cty.Value) {
		put(root, name, v)
		if wraps == nil {
			wraps = map[string]*cty.Value{}
		}
		wraps[root] = wrap
	}
	var dataObjs map[string]map[string]cty.Value
	for _, tr := range trs {
		root := tr.RootName()
		if _, ok := extra[root]; ok {
			continue
		}
		name, ok := attrAt(tr, 1)
		switch root {
		case "var":
			if ok {
				if v, found := m.variable(name); found {
					if d := m.vars[name]; d != nil && d.state == done {
						putCached(root, name, v, &d.wrap)
					} else {
						put(root, name, v)
					}
				}
			}
		case "local":
			if ok {
				if v, found := m.local(name); found {
					if d := m.locals[name]; d != nil && d.state == done {
						putCached(root, name, v, &d.wrap)
					} else {
						put(root, name, v)
					}
				}
			}
		case "count":
			if inst != nil && inst.hasIx {
				vars["count"] = cty.ObjectVal(map[string]cty.Value{"index": inst.index})
			}
		case "each":
			if inst != nil && inst.hasEa {
				if inst.each == cty.NilVal {
					inst.each = cty.ObjectVal(map[string]cty.Value{"key": inst.key, "value": inst.value})
				}
				vars["each"] = inst.each
			}
		case "path":
			vars["path"] = cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal(m.dir), "root": cty.StringVal("."), "cwd": cty.StringVal(".")})
		case "terraform":
			vars["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
		case "data":
			typ, ok1 := attrAt(tr, 1)
			dname, ok2 := attrAt(tr, 2)
			if ok1 && ok2 {
				attr, _ := attrAt(tr, 3)
				if v, found := m.dataValue(typ, dname, attr); found {
					if dataObjs == nil {
						dataObjs = map[string]map[string]cty.Value{}
					}
					if dataObjs[typ] == nil {
						dataObjs[typ] = map[string]cty.Value{}
					}
					dataObjs[typ][dname] = v
				}
			}
		case "module":
			if ok {
				attr, _ := attrAt(tr, 2)
				if v, found := m.moduleValue(name, attr, tr); found {
					put(root, name, v)
				}
			}
		default:
			if ok {
				if r := m.byAddr[root+"."+name]; r != nil {
					putCached(root, name, m.resourceValue(r, tr), &r.wrap)
				}
			}
		}
	}
	for root, o := range objs {
		if w := wraps[root]; w != nil && len(o) == 1 {
			if *w == cty.NilVal {
				*w = cty.ObjectVal(o)
			}
			vars[root] = *w
			continue
		}
		vars[root] = cty.ObjectVal(o)
	}
	if len(dataObjs) > 0 {
		d := map[string]cty.Value{}
		for typ, o := range dataObjs {
			d[typ] = cty.ObjectVal(o)
		}
		vars["data"] = cty.ObjectVal(d)
	}
	for k, v := range extra {
		vars[k] = v
	}
	return &hcl.EvalContext{Variables: vars, Functions: functions()}
}

var (
	staticOnce sync.Once
	static     *hcl.EvalContext
)

// staticCtx is the context of an expression that refers to nothing: the
// functions alone. It is shared and never changed.
func staticCtx() *hcl.EvalContext {
	staticOnce.Do(func() { static = &hcl.EvalContext{Functions: functions()} })
	return static
}

// attrAt returns the attribute name at step i of a traversal.
func attrAt(tr hcl.Traversal, i int) (string, bool) {
	if i >= len(tr) {
		return "", false
	}
	switch s := tr[i].(type) {
	case hcl.TraverseAttr:
		return s.Name, true
	case hcl.TraverseIndex:
		if s.Key.Type() == cty.String && s.Key.IsKnown() && !s.Key.IsNull() {
			return s.Key.AsString(), true
		}
	}
	return "", false
}

// refPath returns the attribute path a traversal reads after a resource
// name ("arn", "master_user_secret.0.secret_arn"), skipping the instance
// index of a resource with count or for_each.
func refPath(tr hcl.Traversal, i int, skipIndex bool) string {
	if skipIndex && i < len(tr) {
		if _, ok := tr[i].(hcl.TraverseIndex); ok {
			i++
		}
	}
	var parts []string
	for ; i < len(tr); i++ {
		switch s := tr[i].(type) {
		case hcl.TraverseAttr:
			parts = append(parts, s.Name)
		case hcl.TraverseIndex:
			if s.Key.Type() != cty.Number || !s.Key.IsKnown() || s.Key.IsNull() || len(parts) == 0 {
				return strings.Join(parts, ".")
			}
			n, acc := s.Key.AsBigFloat().Int64()
			if acc != big.Exact || n < 0 || n > 100 {
				return strings.Join(parts, ".")
			}
			parts = append(parts, strconv.FormatInt(n, 10))
		default:
			return strings.Join(parts, ".")
		}
	}
	return strings.Join(parts, ".")
}

// eval evaluates an expression; ok is false when it could not be.
func (m *module) eval(e hcl.Expression, inst *instance, extra map[string]cty.Value) (cty.Value, bool) {
	ctx := m.evalCtx(e, inst, extra)
	v, diags := e.Value(ctx)
	if diags.HasErrors() || v == cty.NilVal {
		return cty.NilVal, false
	}
	return v, true
}

// evalOr evaluates an expression, standing in a marker for its source text
// when it cannot be.
func (m *module) evalOr(e hcl.Expression, f *parsed, inst *instance) cty.Value {
	if v, ok := m.eval(e, inst, nil); ok && v.IsWhollyKnown() {
		return v
	}
	return m.mark(expr(strings.TrimSpace(f.text(e.Range()))))
}

func (m *module) mark(v ir.Value) cty.Value { return cty.StringVal(m.imp.mk.mark(v)) }

// variable returns a variable's value: the module input or -var, then
// var files, then the default.
func (m *module) variable(name string) (cty.Value, bool) {
	v := m.vars[name]
	if v == nil {
		return cty.NilVal, false
	}
	switch v.state {
	case done:
		return v.val, true
	case busy:
		return m.mark(expr("var." + name)), true
	}
	v.state = busy
	val, ok := cty.NilVal, false
	if m.input != nil {
		val, ok = m.input(name)
	} else if raw, given := m.imp.opts.Vars[name]; given {
		val, ok = m.imp.cliVar(raw, v), true
	} else if tv, given := m.imp.tfvars[name]; given {
		val, ok = tv, true
	}
	if !ok && v.def != nil {
		val, ok = m.eval(v.def, nil, nil)
	}
	if !ok || val.IsNull() {
		val = m.mark(expr("var." + name))
	} else if v.typed {
		if c, err := convert.Convert(val, v.typ); err == nil {
			val = c
		}
	}
	v.val, v.state = val, done
	return val, true
}

func (m *module) local(name string) (cty.Value, bool) {
	l := m.locals[name]
	if l == nil {
		return cty.NilVal, false
	}
	switch l.state {
	case done:
		return l.val, true
	case busy:
		m.imp.problem(SeverityWarning, RuleEval, l.file.loc(l.attr.SrcRange), "local.%s refers to itself", name)
		return m.mark(expr("local." + name)), true
	}
	l.state = busy
	l.val = m.evalOr(l.attr.Expr, l.file, nil)
	l.state = done
	return l.val, true
}

// address returns a resource's address in this module.
func (m *module) address(typ, name string) string { return m.prefix + typ + "." + name }

// instances evaluates count or for_each of a block into its instances.
func (m *module) instances(b *hclsyntax.Block, f *parsed, base string) (insts []instance, counted, eached bool) {
	if a, ok := b.Body.Attributes["count"]; ok {
		v, ok := m.eval(a.Expr, nil, nil)
		n, isNum := 0, false
		if ok && v.IsKnown() && !v.IsNull() {
			if c, err := convert.Convert(v, cty.Number); err == nil && c.IsKnown() && !c.IsNull() {
				if i, acc := c.AsBigFloat().Int64(); acc == big.Exact && i >= 0 {
					n, isNum = int(i), true
				}
			}
		}
		if !isNum {
			m.imp.problem(SeverityWarning, RuleEval, f.loc(a.SrcRange), "%s: count %q cannot be evaluated; imported as one instance",
				base, strings.TrimSpace(f.text(a.Expr.Range())))
			return []instance{{addr: base}}, false, false
		}
		if n > maxInstances {
			m.imp.problem(SeverityWarning, RuleEval, f.loc(a.SrcRange), "%s: count %d is more than %d; imported %d", base, n, maxInstances, maxInstances)
			n = maxInstances
		}
		for i := 0; i < n; i++ {
			insts = append(insts, instance{addr: fmt.Sprintf("%s[%d]", base, i), hasIx: true, index: cty.NumberIntVal(int64(i))})
		}
		return insts, true, false
	}
	if a, ok := b.Body.Attributes["for_each"]; ok {
		v, ok := m.eval(a.Expr, nil, nil)
		if !ok || !v.IsWhollyKnown() || v.IsNull() || !(v.CanIterateElements()) || v.Type() == cty.String {
			m.imp.problem(SeverityWarning, RuleEval, f.loc(a.SrcRange), "%s: for_each %q cannot be evaluated; imported as one instance",
				base, strings.TrimSpace(f.text(a.Expr.Range())))
			unknown := m.mark(expr("each.key"))
			return []instance{{addr: base, hasEa: true, key: unknown, value: m.mark(expr("each.value"))}}, false, false
		}
		isMap := v.Type().IsMapType() || v.Type().IsObjectType()
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			key := k
			if !isMap {
				key = el
			}
			ks, err := convert.Convert(key, cty.String)
			if err != nil || ks.IsNull() || !ks.IsKnown() {
				continue
			}
			insts = append(insts, instance{addr: fmt.Sprintf("%s[%s]", base, strconv.Quote(ks.AsString())), hasEa: true, key: ks, value: el})
			if len(insts) >= maxInstances {
				break
			}
		}
		sort.SliceStable(insts, func(i, j int) bool { return insts[i].key.AsString() < insts[j].key.AsString() })
		return insts, false, true
	}
	return []instance{{addr: base}}, false, false
}

func (m *module) shape(r *resource) {
	switch r.state {
	case done:
		return
	case busy:
		r.insts = []instance{{addr: m.address(r.typ, r.name)}}
		return
	}
	r.state = busy
	r.insts, r.counted, r.eached = m.instances(r.block, r.file, m.address(r.typ, r.name))
	r.state = done
}

// forBase calls fn with each base attribute of a resource (id, arn, name,
// those the mapping gives Ref, GetAtt or Sub, those the block sets) whose
// first name is first, or with all of them when first is "".
func (r *resource) forBase(first string, fn func(string)) {
	try := func(a string) {
		if first == "" || a == first || strings.HasPrefix(a, first) && strings.HasPrefix(a[len(first):], ".") {
			fn(a)
		}
	}
	for _, a := range []string{"id", "arn", "name"} {
		try(a)
	}
	if tm := lookup(r.typ); tm != nil {
		for _, a := range tm.ref {
			try(a)
		}
		for a := range tm.attrs {
			try(a)
		}
		for a := range tm.subs {
			try(a)
		}
	}
	if first != "" {
		if _, ok := r.block.Body.Attributes[first]; ok {
			fn(first)
		}
		return
	}
	for a := range r.block.Body.Attributes {
		fn(a)
	}
}

// resourceValue is what a reference to a resource evaluates to: an object
// per instance whose attributes are markers for Ref, GetAtt or the
// expression, in a tuple for count and an object for for_each.
func (m *module) resourceValue(r *resource, tr hcl.Traversal) cty.Value {
	m.shape(r)
	want := refPath(tr, 2, r.counted || r.eached)
	// The object holds the attributes references have asked for so far,
	// each with the base attributes under the same first name (so that a
	// nested attribute has the same shape however it was reached); a
	// reference to the whole resource asks for every base attribute.
	if r.attrs == nil {
		r.attrs = map[string]bool{}
	}
	switch {
	case want == "" && !r.full:
		r.full = true
		r.forBase("", func(a string) { r.attrs[a] = true })
		r.val, r.wrap = cty.NilVal, cty.NilVal
	case want != "" && !r.attrs[want]:
		r.attrs[want] = true
		first, _, _ := strings.Cut(want, ".")
		r.forBase(first, func(a string) { r.attrs[a] = true })
		r.val, r.wrap = cty.NilVal, cty.NilVal
	}
	if r.val != cty.NilVal {
		return r.val
	}
	obj := func(inst instance) cty.Value {
		id := LogicalID(inst.addr)
		return m.pathsValue(r.attrs, func(p string) ir.Value { return refValue(r.typ, id, inst.addr, p) })
	}
	switch {
	case r.counted:
		if len(r.insts) == 0 {
			r.val = cty.EmptyTupleVal
			break
		}
		var items []cty.Value
		for _, inst := range r.insts {
			items = append(items, obj(inst))
		}
		r.val = cty.TupleVal(items)
	case r.eached:
		items := map[string]cty.Value{}
		for _, inst := range r.insts {
			items[inst.key.AsString()] = obj(inst)
		}
		r.val = cty.ObjectVal(items)
	default:
		r.val = obj(r.insts[0])
	}
	return r.val
}

// moduleValue is what module.NAME evaluates to: its outputs.
func (m *module) moduleValue(name, want string, tr hcl.Traversal) (cty.Value, bool) {
	c := m.callByKey[name]
	if c == nil {
		return cty.NilVal, false
	}
	m.expandCall(c)
	outs := func(child *module, addr string) cty.Value {
		o := map[string]cty.Value{}
		if child == nil {
			if want != "" {
				o[want] = m.mark(expr(addr + "." + want))
			}
			return cty.ObjectVal(o)
		}
		for n := range child.outputs {
			if want == "" || n == want {
				o[n] = child.output(n)
			}
		}
		return cty.ObjectVal(o)
	}
	childAt := func(i int) *module {
		if i < len(c.children) {
			return c.children[i]
		}
		return nil
	}
	switch {
	case c.counted:
		var items []cty.Value
		for i, inst := range c.insts {
			items = append(items, outs(childAt(i), inst.addr))
		}
		if len(items) == 0 {
			return cty.EmptyTupleVal, true
		}
		return cty.TupleVal(items), true
	case c.eached:
		items := map[string]cty.Value{}
		for i, inst := range c.insts {
			items[inst.key.AsString()] = outs(childAt(i), inst.addr)
		}
		return cty.ObjectVal(items), true
	}
	return outs(childAt(0), "module."+name), true
}

func (m *module) output(name string) cty.Value {
	o := m.outputs[name]
	switch o.state {
	case done:
		return o.val
	case busy:
		return m.mark(expr(m.prefix + "output." + name))
	}
	o.state = busy
	o.val = m.evalOr(o.attr.Expr, o.file, nil)
	o.state = done
	return o.val
}

// expandCall evaluates a module call's instances and reads each local
// module once.
func (m *module) expandCall(c *call) {
	if c.state != todo {
		return
	}
	c.state = busy
	base := m.prefix + "module." + c.name
	c.insts, c.counted, c.eached = m.instances(c.block, c.file, base)
	if !c.local {
		c.state = done
		return
	}
	if m.depth >= 8 {
		m.imp.problem(SeverityWarning, RuleModule, c.file.loc(c.block.DefRange()), "%s: modules nested more than 8 deep are not imported", base)
		c.state = done
		return
	}
	// A source is relative to the folder of the file that calls it.
	dir := joinDir(c.file.dir, c.source)
	files := m.imp.parseDir(dir)
	if files == nil {
		m.imp.problem(SeverityWarning, RuleModule, c.file.loc(c.block.DefRange()), "%s: module source %q has no .tf files", base, c.source)
		c.state = done
		return
	}
	for i := range c.insts {
		inst := c.insts[i]
		child := m.imp.newModule(dir, inst.addr+".", m.depth+1, files)
		child.input = func(name string) (cty.Value, bool) {
			a, ok := c.block.Body.Attributes[name]
			if !ok {
				return cty.NilVal, false
			}
			return m.evalOr(a.Expr, c.file, &inst), true
		}
		c.children = append(c.children, child)
	}
	c.state = done
}

// pathsValue builds an object holding a marker at every attribute path
// (a.b, a.0.b: a list whose item 0 has b), for references that read into
// nested attributes.
func (m *module) pathsValue(paths map[string]bool, leaf func(path string) ir.Value) cty.Value {
	type node struct {
		kids map[string]*node
	}
	root := &node{kids: map[string]*node{}}
	keys := ir.SortedKeys(paths)
	for _, p := range keys {
		n := root
		for _, part := range strings.Split(p, ".") {
			if n.kids == nil {
				n.kids = map[string]*node{}
			}
			c := n.kids[part]
			if c == nil {
				c = &node{}
				n.kids[part] = c
			}
			n = c
		}
	}
	var build func(n *node, path string) cty.Value
	build = func(n *node, path string) cty.Value {
		if len(n.kids) == 0 {
			return m.mark(leaf(path))
		}
		maxIx, numeric := -1, true
		for k := range n.kids {
			i, err := strconv.Atoi(k)
			if err != nil {
				numeric = false
				break
			}
			maxIx = max(maxIx, i)
		}
		join := func(k string) string {
			if path == "" {
				return k
			}
			return path + "." + k
		}
		if numeric {
			items := make([]cty.Value, maxIx+1)
			for i := range items {
				k := strconv.Itoa(i)
				if c := n.kids[k]; c != nil {
					items[i] = build(c, join(k))
				} else {
					items[i] = m.mark(leaf(join(k)))
				}
			}
			return cty.TupleVal(items)
		}
		attrs := map[string]cty.Value{}
		for k, c := range n.kids {
			attrs[k] = build(c, join(k))
		}
		return cty.ObjectVal(attrs)
	}
	return build(root, "")
}
