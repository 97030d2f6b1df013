package terraform

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hoist-dev/hoist/internal/schema/tf"
)

// Problem is something wrong in a Terraform configuration, with where.
type Problem struct {
	File    string
	Line    int
	Column  int
	Message string
}

func (p Problem) String() string {
	switch {
	case p.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Column, p.Message)
	case p.File != "":
		return p.File + ": " + p.Message
	}
	return p.Message
}

func problemAt(r hcl.Range, format string, args ...any) Problem {
	return Problem{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column, Message: fmt.Sprintf(format, args...)}
}

// parsed is a configuration's files, parsed.
type parsed struct {
	names  []string
	bodies map[string]*hclsyntax.Body
}

// parse reads every file; syntax errors become problems.
func parse(files map[string][]byte) (parsed, []Problem) {
	p := parsed{bodies: map[string]*hclsyntax.Body{}}
	var probs []Problem
	for name := range files {
		p.names = append(p.names, name)
	}
	sort.Strings(p.names)
	for _, name := range p.names {
		f, diags := hclsyntax.ParseConfig(files[name], name, hcl.InitialPos)
		for _, d := range diags {
			if d.Severity != hcl.DiagError {
				continue
			}
			r := hcl.Range{Filename: name}
			if d.Subject != nil {
				r = *d.Subject
			}
			probs = append(probs, problemAt(r, "%s", lowerFirst(d.Summary)+detail(d.Detail)))
		}
		if f == nil {
			continue
		}
		if body, ok := f.Body.(*hclsyntax.Body); ok {
			p.bodies[name] = body
		}
	}
	return p, probs
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func detail(d string) string {
	if d == "" {
		return ""
	}
	return ": " + d
}

// rootNames are reference roots Terraform defines itself.
var rootNames = map[string]bool{"path": true, "terraform": true, "count": true, "each": true, "self": true}

// CheckReferences parses a configuration (file name -> contents) and
// reports syntax errors and every reference that points at nothing: a
// var.x without a variable block, local.x without a local, data.t.n or
// t.n without a block, module.x without a module; and, for AWS resources
// and data sources the embedded provider schema knows, an attribute the
// type does not have (aws_vpc.main.arnn).
func CheckReferences(files map[string][]byte) []Problem {
	p, probs := parse(files)
	declared := map[string]bool{}
	var roots []*hclsyntax.Body
	for _, name := range p.names {
		body := p.bodies[name]
		if body == nil {
			continue
		}
		roots = append(roots, body)
		for _, b := range body.Blocks {
			switch {
			case b.Type == "resource" && len(b.Labels) == 2:
				declared[b.Labels[0]+"."+b.Labels[1]] = true
			case b.Type == "data" && len(b.Labels) == 2:
				declared["data."+b.Labels[0]+"."+b.Labels[1]] = true
			case b.Type == "variable" && len(b.Labels) == 1:
				declared["var."+b.Labels[0]] = true
			case b.Type == "module" && len(b.Labels) == 1:
				declared["module."+b.Labels[0]] = true
			case b.Type == "locals":
				for n := range b.Body.Attributes {
					declared["local."+n] = true
				}
			}
		}
	}
	for _, body := range roots {
		for _, t := range traversals(body, "") {
			if pr, bad := checkTraversal(t, declared); bad {
				probs = append(probs, pr)
			}
		}
	}
	sortProblems(probs)
	return probs
}

// traversals lists every variable reference in a body, nested blocks
// included, in source order.
func traversals(body *hclsyntax.Body, blockType string) []hcl.Traversal {
	var out []hcl.Traversal
	var attrs []*hclsyntax.Attribute
	for _, a := range body.Attributes {
		// A variable's type constraint and lifecycle's ignore_changes
		// hold keywords and attribute names, not references.
		if (blockType == "variable" && a.Name == "type") || (blockType == "lifecycle" && a.Name == "ignore_changes") {
			continue
		}
		attrs = append(attrs, a)
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].SrcRange.Start.Byte < attrs[j].SrcRange.Start.Byte })
	for _, a := range attrs {
		out = append(out, a.Expr.Variables()...)
	}
	for _, b := range body.Blocks {
		out = append(out, traversals(b.Body, b.Type)...)
	}
	return out
}

func checkTraversal(t hcl.Traversal, declared map[string]bool) (Problem, bool) {
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
			return problemAt(r, "%s must be followed by a name", root), true
		}
		if !declared[root+"."+n] {
			what := map[string]string{"var": "variable", "local": "local value", "module": "module"}[root]
			return problemAt(r, "reference to undeclared %s %q", what, root+"."+n), true
		}
		return Problem{}, false
	case "data":
		typ, ok1 := step(1)
		name, ok2 := step(2)
		if !ok1 || !ok2 {
			return problemAt(r, "data must be followed by a type and a name"), true
		}
		if !declared["data."+typ+"."+name] {
			return problemAt(r, "reference to undeclared data source %q", "data."+typ+"."+name), true
		}
		if a, ok := step(3); ok {
			if res, known := tf.LookupData(typ); known && !hasName(&res.Body, a) {
				return problemAt(r, "data source type %s has no attribute %q", typ, a), true
			}
		}
		return Problem{}, false
	}
	if rootNames[root] {
		return Problem{}, false
	}
	name, ok := step(1)
	if !ok {
		return problemAt(r, "reference to %q: a resource reference needs a type and a name", root), true
	}
	if !declared[root+"."+name] {
		return problemAt(r, "reference to undeclared resource %q", root+"."+name), true
	}
	if a, ok := step(2); ok {
		if res, known := tf.Lookup(root); known && !hasName(&res.Body, a) {
			return problemAt(r, "resource type %s has no attribute %q", root, a), true
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

// CheckSchema parses a configuration and compares every resource and
// data block with the embedded AWS provider schema: known types, known
// arguments and blocks, required ones present. Blocks of other providers
// are skipped.
func CheckSchema(files map[string][]byte) []Problem {
	p, probs := parse(files)
	for _, name := range p.names {
		body := p.bodies[name]
		if body == nil {
			continue
		}
		for _, b := range body.Blocks {
			if (b.Type != "resource" && b.Type != "data") || len(b.Labels) != 2 || !strings.HasPrefix(b.Labels[0], "aws_") {
				continue
			}
			var found []tf.Problem
			if b.Type == "resource" {
				found = tf.CheckBody(b.Labels[0], shape(b.Body, b.TypeRange))
			} else {
				found = tf.CheckDataBody(b.Labels[0], shape(b.Body, b.TypeRange))
			}
			for _, f := range found {
				probs = append(probs, Problem{File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Column,
					Message: fmt.Sprintf("%s.%s: %s", b.Labels[0], b.Labels[1], f.Message)})
			}
		}
	}
	sortProblems(probs)
	return probs
}

// shape converts a parsed body to the checker's shape.
func shape(b *hclsyntax.Body, at hcl.Range) tf.BodyShape {
	s := tf.BodyShape{Pos: pos(at)}
	var attrs []*hclsyntax.Attribute
	for _, a := range b.Attributes {
		attrs = append(attrs, a)
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].SrcRange.Start.Byte < attrs[j].SrcRange.Start.Byte })
	for _, a := range attrs {
		s.Attributes = append(s.Attributes, tf.AttrShape{Name: a.Name, Pos: pos(a.NameRange)})
	}
	for _, blk := range b.Blocks {
		if blk.Type == "dynamic" && len(blk.Labels) == 1 {
			content := &hclsyntax.Body{}
			for _, in := range blk.Body.Blocks {
				if in.Type == "content" {
					content = in.Body
				}
			}
			s.Blocks = append(s.Blocks, tf.BlockShape{Name: blk.Labels[0], Pos: pos(blk.TypeRange), Dynamic: true, Body: shape(content, blk.TypeRange)})
			continue
		}
		s.Blocks = append(s.Blocks, tf.BlockShape{Name: blk.Type, Pos: pos(blk.TypeRange), Body: shape(blk.Body, blk.TypeRange)})
	}
	return s
}

func pos(r hcl.Range) tf.Pos {
	return tf.Pos{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column}
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Column < ps[j].Column
	})
}
