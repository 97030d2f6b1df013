package tf

import (
	"fmt"
	"sort"
)

// Pos is where an item sits in the caller's source. The checker never
// reads it; it copies it into the Problems it reports. The zero Pos means
// unknown.
type Pos struct {
	File         string
	Line, Column int
}

func (p Pos) String() string {
	switch {
	case p.File == "" && p.Line == 0:
		return ""
	case p.Line == 0:
		return p.File
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// BodyShape is the shape of one resource body or nested block as written:
// which attributes it sets (`name = ...`) and which blocks it contains
// (`name { ... }`), without their values. A caller builds it from any
// parser.
type BodyShape struct {
	Pos        Pos // the block's opening, used for problems about the whole block
	Attributes []AttrShape
	Blocks     []BlockShape
}

// AttrShape is one `name = value` line.
type AttrShape struct {
	Name string
	Pos  Pos
}

// BlockShape is one nested block. A `dynamic "name" { content { ... } }`
// block should be passed with Name "name", the content as Body and
// Dynamic set: its contents are checked but it may stand for any number
// of blocks.
type BlockShape struct {
	Name    string
	Pos     Pos
	Dynamic bool
	Body    BodyShape
}

// ProblemKind classifies a Problem.
type ProblemKind string

// Problem kinds.
const (
	UnknownResourceType ProblemKind = "unknown_resource_type"
	UnknownArgument     ProblemKind = "unknown_argument"
	UnknownBlock        ProblemKind = "unknown_block"
	MissingRequired     ProblemKind = "missing_required"
	BlockAsAttribute    ProblemKind = "block_as_attribute"
	AttributeAsBlock    ProblemKind = "attribute_as_block"
	ReadOnlyAttribute   ProblemKind = "read_only_attribute"
	TooManyBlocks       ProblemKind = "too_many_blocks"
)

// Problem is one mismatch between a body and the schema.
type Problem struct {
	Kind ProblemKind
	Pos  Pos
	// Path is the dotted path of the enclosing block from the resource
	// body ("" for the body itself, "default_action.redirect").
	Path string
	// Name is the offending or missing name (the type for
	// UnknownResourceType).
	Name string
	// Suggestion is the closest valid name, or "".
	Suggestion string
	// Message is a lowercase sentence without the position.
	Message string
}

// String renders the problem as "file:line:col: message".
func (p Problem) String() string {
	if pos := p.Pos.String(); pos != "" {
		return pos + ": " + p.Message
	}
	return p.Message
}

// Meta-arguments Terraform accepts in every resource, whatever its schema.
var (
	resourceMetaAttrs  = []string{"count", "depends_on", "for_each", "provider"}
	resourceMetaBlocks = []string{"connection", "lifecycle", "provisioner"}
	dataMetaAttrs      = []string{"count", "depends_on", "for_each", "provider"}
	dataMetaBlocks     = []string{"lifecycle"}
)

// CheckBody compares a resource body with the embedded schema of
// resourceType.
func CheckBody(resourceType string, body BodyShape) []Problem {
	return mustDefault().CheckBody(resourceType, body)
}

// CheckDataBody compares a data source body with the embedded schema of
// dataType.
func CheckDataBody(dataType string, body BodyShape) []Problem {
	return mustDefault().CheckDataBody(dataType, body)
}

// CheckBody compares a resource body with the schema of resourceType.
func (s *Schema) CheckBody(resourceType string, body BodyShape) []Problem {
	r, ok := s.Lookup(resourceType)
	if !ok {
		return []Problem{unknownType("resource", resourceType, s.resourceTypes, body.Pos)}
	}
	c := checker{meta: metaSet{resourceMetaAttrs, resourceMetaBlocks}, typ: resourceType}
	c.body(&r.Body, body, "", true)
	return c.problems
}

// CheckDataBody compares a data source body with the schema of dataType.
func (s *Schema) CheckDataBody(dataType string, body BodyShape) []Problem {
	r, ok := s.LookupData(dataType)
	if !ok {
		return []Problem{unknownType("data source", dataType, s.dataTypes, body.Pos)}
	}
	c := checker{meta: metaSet{dataMetaAttrs, dataMetaBlocks}, typ: dataType}
	c.body(&r.Body, body, "", true)
	return c.problems
}

func unknownType(what, typ string, types []string, pos Pos) Problem {
	p := Problem{Kind: UnknownResourceType, Pos: pos, Name: typ, Suggestion: Suggest(typ, types)}
	p.Message = fmt.Sprintf("unknown %s type %q", what, typ)
	if p.Suggestion != "" {
		p.Message += fmt.Sprintf("; did you mean %q?", p.Suggestion)
	}
	return p
}

type metaSet struct{ attrs, blocks []string }

func has(list []string, name string) bool {
	for _, s := range list {
		if s == name {
			return true
		}
	}
	return false
}

type checker struct {
	meta     metaSet
	typ      string
	problems []Problem
}

func (c *checker) add(kind ProblemKind, pos Pos, path, name, suggestion, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if suggestion != "" {
		msg += fmt.Sprintf("; did you mean %q?", suggestion)
	}
	c.problems = append(c.problems, Problem{Kind: kind, Pos: pos, Path: path, Name: name, Suggestion: suggestion, Message: msg})
}

// where names the enclosing block in messages.
func (c *checker) where(path string) string {
	if path == "" {
		return c.typ
	}
	return fmt.Sprintf("%s block %q", c.typ, path)
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// allowsBlockSyntax reports whether an object-typed argument may also be
// written as blocks: Terraform accepts that for list and set of objects
// ("attributes as blocks", as in aws_security_group's ingress).
func allowsBlockSyntax(a *Argument) bool {
	return a.Nested != nil && (a.Type == "list(object)" || a.Type == "set(object)")
}

func (c *checker) body(b *Block, s BodyShape, path string, top bool) {
	if b.Opaque {
		return
	}
	var metaAttrs, metaBlocks []string
	if top {
		metaAttrs, metaBlocks = c.meta.attrs, c.meta.blocks
	}
	candidates := func() []string {
		names := b.Names()
		if top {
			names = append(names, metaAttrs...)
			names = append(names, metaBlocks...)
			sort.Strings(names)
		}
		return names
	}
	where := c.where(path)
	setAttrs := map[string]bool{}
	for _, a := range s.Attributes {
		setAttrs[a.Name] = true
		switch {
		case has(metaAttrs, a.Name):
		case has(metaBlocks, a.Name):
			c.add(BlockAsAttribute, a.Pos, path, a.Name, "", "%q is a block, not an argument: write %s { ... }", a.Name, a.Name)
		default:
			if _, ok := b.Argument(a.Name); ok {
				continue
			}
			if _, ok := b.Block(a.Name); ok {
				c.add(BlockAsAttribute, a.Pos, path, a.Name, "", "%q in %s is a block, not an argument: write %s { ... }", a.Name, where, a.Name)
				continue
			}
			if _, ok := b.Attribute(a.Name); ok {
				c.add(ReadOnlyAttribute, a.Pos, path, a.Name, "", "%q in %s is computed by the provider and cannot be set", a.Name, where)
				continue
			}
			c.add(UnknownArgument, a.Pos, path, a.Name, Suggest(a.Name, candidates()), "unknown argument %q in %s", a.Name, where)
		}
	}
	counts := map[string]int{}
	for _, blk := range s.Blocks {
		switch {
		case has(metaBlocks, blk.Name):
			continue
		case has(metaAttrs, blk.Name):
			c.add(AttributeAsBlock, blk.Pos, path, blk.Name, "", "%q is an argument, not a block: write %s = ...", blk.Name, blk.Name)
			continue
		}
		if nb, ok := b.Block(blk.Name); ok {
			if !blk.Dynamic { // a dynamic block may expand to any number
				counts[blk.Name]++
				if nb.MaxItems > 0 && counts[blk.Name] == nb.MaxItems+1 {
					c.add(TooManyBlocks, blk.Pos, path, blk.Name, "", "too many %q blocks in %s: at most %d allowed", blk.Name, where, nb.MaxItems)
				}
			}
			setAttrs[blk.Name] = true
			c.body(nb, blk.Body, join(path, blk.Name), false)
			continue
		}
		if a, ok := b.Argument(blk.Name); ok {
			setAttrs[blk.Name] = true
			if allowsBlockSyntax(a) {
				c.body(a.Nested, blk.Body, join(path, blk.Name), false)
				continue
			}
			c.add(AttributeAsBlock, blk.Pos, path, blk.Name, "", "%q in %s is an argument, not a block: write %s = ...", blk.Name, where, blk.Name)
			continue
		}
		if _, ok := b.Attribute(blk.Name); ok {
			c.add(ReadOnlyAttribute, blk.Pos, path, blk.Name, "", "%q in %s is computed by the provider and cannot be set", blk.Name, where)
			continue
		}
		c.add(UnknownBlock, blk.Pos, path, blk.Name, Suggest(blk.Name, candidates()), "unknown block type %q in %s", blk.Name, where)
	}
	for _, a := range b.Arguments {
		if a.Required && !setAttrs[a.Name] {
			c.add(MissingRequired, s.Pos, path, a.Name, "", "missing required argument %q in %s", a.Name, where)
		}
	}
	for _, nb := range b.Blocks {
		if nb.MinItems > 0 && !setAttrs[nb.Name] {
			c.add(MissingRequired, s.Pos, path, nb.Name, "", "missing required block %q in %s: at least %d needed", nb.Name, where, nb.MinItems)
		}
	}
}
