package hclcheck

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hoist-dev/hoist/internal/schema/tf"
)

// rootNames are reference roots Terraform defines itself.
var rootNames = map[string]bool{"path": true, "terraform": true, "count": true, "each": true, "self": true}

// declarations are the addresses a configuration declares, by kind of
// reference root: "var" -> ["var.a"], "resource" -> ["aws_vpc.main"].
type declarations struct {
	set    map[string]bool
	byKind map[string][]string
}

func (d *declarations) add(kind, addr string) {
	if d.set[addr] {
		return
	}
	d.set[addr] = true
	d.byKind[kind] = append(d.byKind[kind], addr)
}

// suggest returns the declared address of the kind closest to addr.
func (d *declarations) suggest(kind, addr string) string {
	list := d.byKind[kind]
	sort.Strings(list)
	return tf.Suggest(addr, list)
}

func (c *Config) declarations() *declarations {
	d := &declarations{set: map[string]bool{}, byKind: map[string][]string{}}
	var declare func(blocks []*hclsyntax.Block)
	declare = func(blocks []*hclsyntax.Block) {
		for _, b := range blocks {
			switch {
			case b.Type == "resource" && len(b.Labels) == 2:
				d.add("resource", b.Labels[0]+"."+b.Labels[1])
			case b.Type == "data" && len(b.Labels) == 2:
				d.add("data", "data."+b.Labels[0]+"."+b.Labels[1])
			case b.Type == "ephemeral" && len(b.Labels) == 2:
				d.add("ephemeral", "ephemeral."+b.Labels[0]+"."+b.Labels[1])
			case b.Type == "variable" && len(b.Labels) == 1:
				d.add("var", "var."+b.Labels[0])
			case b.Type == "module" && len(b.Labels) == 1:
				d.add("module", "module."+b.Labels[0])
			case b.Type == "locals":
				for n := range b.Body.Attributes {
					d.add("local", "local."+n)
				}
			case b.Type == "check":
				// A check block may hold scoped data sources.
				declare(b.Body.Blocks)
			}
		}
	}
	declare(c.blocks())
	return d
}

// References reports every reference that points at nothing: var.x
// without a variable block, local.x without a local, module.x without a
// module, data.t.n or t.n without a block; an attribute that an AWS
// resource or data source type does not have (aws_vpc.main.arnn); and an
// output a local module in ModuleInterfaces does not declare. Names bound
// by Terraform itself (count, each, self, path, terraform), by for
// expressions and by dynamic block iterators are not references.
func (c *Config) References() []Problem {
	d := c.declarations()
	var probs []Problem
	for _, name := range c.names {
		body := c.bodies[name]
		if body == nil {
			continue
		}
		for _, t := range traversals(body, nil, nil) {
			if p, bad := c.checkTraversal(t, d); bad {
				probs = append(probs, p)
			}
		}
	}
	Sort(probs)
	return probs
}

// skipAttrs are arguments, by enclosing block type, that hold keywords,
// attribute names or provider addresses rather than references.
var skipAttrs = map[string]map[string]bool{
	"variable":  {"type": true},
	"lifecycle": {"ignore_changes": true},
	"resource":  {"provider": true},
	"data":      {"provider": true},
	"ephemeral": {"provider": true},
	"module":    {"providers": true},
}

// skipBlocks are blocks whose contents name addresses that need not
// exist (a moved block's old address).
var skipBlocks = map[string]bool{"moved": true, "removed": true}

// traversals lists every variable reference in a body, nested blocks
// included, in source order. block is the body's block (nil for a file);
// bound are names a dynamic block's iterator binds.
func traversals(body *hclsyntax.Body, block *hclsyntax.Block, bound []string) []hcl.Traversal {
	var out []hcl.Traversal
	blockType := ""
	if block != nil {
		blockType = block.Type
	}
	keep := func(vs []hcl.Traversal) {
		for _, v := range vs {
			root := v.RootName()
			if contains(bound, root) {
				continue
			}
			out = append(out, v)
		}
	}
	for _, a := range sortedAttrs(body) {
		if skipAttrs[blockType][a.Name] {
			continue
		}
		if blockType == "dynamic" && a.Name == "iterator" {
			continue
		}
		keep(a.Expr.Variables())
	}
	for _, b := range body.Blocks {
		if skipBlocks[b.Type] {
			continue
		}
		inner := bound
		if b.Type == "dynamic" && len(b.Labels) == 1 {
			// The iterator is bound in content and labels, not in
			// for_each; it is named by the label unless iterator says.
			it := b.Labels[0]
			if a, ok := b.Body.Attributes["iterator"]; ok {
				if tr, diags := hcl.AbsTraversalForExpr(a.Expr); !diags.HasErrors() && len(tr) == 1 {
					it = tr.RootName()
				}
			}
			if fe, ok := b.Body.Attributes["for_each"]; ok {
				keep(fe.Expr.Variables())
			}
			inner = append(append([]string(nil), bound...), it)
			for _, a := range sortedAttrs(b.Body) {
				if a.Name != "for_each" && a.Name != "iterator" {
					for _, v := range a.Expr.Variables() {
						if !contains(inner, v.RootName()) {
							out = append(out, v)
						}
					}
				}
			}
			for _, cb := range b.Body.Blocks {
				out = append(out, traversals(cb.Body, cb, inner)...)
			}
			continue
		}
		out = append(out, traversals(b.Body, b, inner)...)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// attrAfter returns the attribute name at step i, first skipping one
// index step ([0], ["key"]) that count or for_each make necessary.
func attrAfter(t hcl.Traversal, i int) (string, bool) {
	if i < len(t) {
		if _, ok := t[i].(hcl.TraverseIndex); ok {
			i++
		}
	}
	if i >= len(t) {
		return "", false
	}
	a, ok := t[i].(hcl.TraverseAttr)
	return a.Name, ok
}

func (c *Config) checkTraversal(t hcl.Traversal, d *declarations) (Problem, bool) {
	root := t.RootName()
	r := t.SourceRange()
	step := func(i int) (string, bool) {
		if i >= len(t) {
			return "", false
		}
		a, ok := t[i].(hcl.TraverseAttr)
		return a.Name, ok
	}
	switch root {
	case "var", "local", "module":
		n, ok := step(1)
		if !ok {
			return problemAt(Undeclared, r, "", "%s must be followed by a name", root), true
		}
		addr := root + "." + n
		if !d.set[addr] {
			what := map[string]string{"var": "variable", "local": "local value", "module": "module"}[root]
			return problemAt(Undeclared, r, d.suggest(root, addr), "reference to undeclared %s %q", what, addr), true
		}
		if root == "module" {
			if in, known := c.ModuleInterfaces[n]; known {
				if out, ok := attrAfter(t, 2); ok && !contains(in.Outputs, out) {
					return problemAt(BadAttribute, r, tf.Suggest(out, in.Outputs), "module %q has no output %q", n, out), true
				}
			}
		}
		return Problem{}, false
	case "data", "ephemeral":
		typ, ok1 := step(1)
		name, ok2 := step(2)
		if !ok1 || !ok2 {
			return problemAt(Undeclared, r, "", "%s must be followed by a type and a name", root), true
		}
		addr := root + "." + typ + "." + name
		if !d.set[addr] {
			what := map[string]string{"data": "data source", "ephemeral": "ephemeral resource"}[root]
			return problemAt(Undeclared, r, d.suggest(root, addr), "reference to undeclared %s %q", what, addr), true
		}
		if a, ok := attrAfter(t, 3); ok && root == "data" {
			if res, known := tf.LookupData(typ); known && !hasName(&res.Body, a) {
				return problemAt(BadAttribute, r, tf.Suggest(a, allNames(&res.Body)), "data source type %s has no attribute %q", typ, a), true
			}
		}
		return Problem{}, false
	}
	if rootNames[root] {
		return Problem{}, false
	}
	name, ok := step(1)
	if !ok {
		return problemAt(Undeclared, r, "", "reference to %q: a resource reference needs a type and a name", root), true
	}
	addr := root + "." + name
	if !d.set[addr] {
		return problemAt(Undeclared, r, d.suggest("resource", addr), "reference to undeclared resource %q", addr), true
	}
	if a, ok := attrAfter(t, 2); ok {
		if res, known := tf.Lookup(root); known && !hasName(&res.Body, a) {
			return problemAt(BadAttribute, r, tf.Suggest(a, allNames(&res.Body)), "resource type %s has no attribute %q", root, a), true
		}
	}
	return Problem{}, false
}

// hasName reports whether a block has an argument, attribute or nested
// block of that name.
func hasName(b *tf.Block, name string) bool {
	if _, ok := b.Argument(name); ok {
		return true
	}
	if _, ok := b.Attribute(name); ok {
		return true
	}
	_, ok := b.Block(name)
	return ok
}

// allNames are the names a reference may read from a block: arguments,
// nested blocks and computed attributes, sorted.
func allNames(b *tf.Block) []string {
	names := b.Names()
	for _, a := range b.Attributes {
		names = append(names, a.Name)
	}
	sort.Strings(names)
	return names
}
