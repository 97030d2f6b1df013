package terraform

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// This file is the small Terraform model the mappers build: blocks with
// ordered bodies, and expressions as a tree that becomes hclwrite tokens
// only when a file is written.

// block is a top-level block: resource, data, variable, output, locals.
type block struct {
	kind    string
	labels  []string
	comment string
	body    *body
	// file is the .tf file the block goes to.
	file string
	// order sorts blocks within a file: the logical ID of the IR resource
	// the block came from, then the order the mapper produced them.
	order string
	seq   int
}

// address is "aws_vpc.vpc" for a resource, "data.aws_region.current" for
// a data source.
func (b *block) address() string {
	a := strings.Join(b.labels, ".")
	if b.kind == "data" {
		return "data." + a
	}
	return a
}

// body is the inside of a block: attributes and nested blocks, in the
// order they were set.
type body struct {
	items []item
}

// item is one attribute (val set) or nested block (blk set).
type item struct {
	name string
	val  expr
	blk  *body
}

// set adds an attribute; a nil value adds nothing.
func (b *body) set(name string, v expr) {
	if v == nil {
		return
	}
	b.items = append(b.items, item{name: name, val: v})
}

// block adds a nested block and returns its body.
func (b *body) block(name string) *body {
	n := &body{}
	b.items = append(b.items, item{name: name, blk: n})
	return n
}

// child returns the nested block name, adding it when the body has none.
func (b *body) child(name string) *body {
	for _, it := range b.items {
		if it.name == name && it.blk != nil {
			return it.blk
		}
	}
	return b.block(name)
}

// has reports whether the body sets name.
func (b *body) has(name string) bool {
	for _, it := range b.items {
		if it.name == name {
			return true
		}
	}
	return false
}

// expr is an HCL expression under construction. Concrete types: eStr,
// eRaw, eTrav, eTmpl, eTuple, eObj and eCall.
type expr interface{ isExpr() }

// eStr is a quoted string literal.
type eStr string

// eRaw is a number, bool or null literal, written as is.
type eRaw string

// eTrav is a reference: root.attr.attr, where a part made of digits is
// an index (data.aws_availability_zones.available.names[0]).
type eTrav struct {
	parts []string
}

// eTmpl is a template string: literal parts (eStr) and interpolations.
type eTmpl []expr

// eTuple is [a, b].
type eTuple []expr

// eObj is { key = value }, keys in order.
type eObj []eKV

// eKV is one object attribute.
type eKV struct {
	key string
	val expr
}

// eSrc is an expression written as HCL source, for the few forms the tree
// does not model (for expressions).
type eSrc string

// eCall is a function call.
type eCall struct {
	fn   string
	args []expr
}

func (eStr) isExpr()   {}
func (eRaw) isExpr()   {}
func (eTrav) isExpr()  {}
func (eTmpl) isExpr()  {}
func (eTuple) isExpr() {}
func (eObj) isExpr()   {}
func (eCall) isExpr()  {}
func (eSrc) isExpr()   {}

func trav(parts ...string) eTrav { return eTrav{parts: parts} }

// tmpl simplifies a template: adjacent literals merge, nested templates
// splice in, a template of one literal is that literal and a template of
// one interpolation is that expression (terraform fmt unwraps "${x}").
func tmpl(parts ...expr) expr {
	var out eTmpl
	for _, p := range parts {
		switch x := p.(type) {
		case nil:
		case eTmpl:
			for _, q := range x {
				out = appendPart(out, q)
			}
		default:
			out = appendPart(out, x)
		}
	}
	switch {
	case len(out) == 0:
		return eStr("")
	case len(out) == 1:
		return out[0]
	}
	return out
}

func appendPart(out eTmpl, p expr) eTmpl {
	if s, ok := p.(eStr); ok {
		if s == "" {
			return out
		}
		if n := len(out); n > 0 {
			if prev, ok := out[n-1].(eStr); ok {
				out[n-1] = prev + s
				return out
			}
		}
	}
	return append(out, p)
}

// multiline reports whether an expression is written over several lines.
func multiline(e expr) bool {
	switch x := e.(type) {
	case eObj:
		return len(x) > 0
	case eTuple:
		for _, it := range x {
			if multiline(it) {
				return true
			}
		}
	case eCall:
		for _, a := range x.args {
			if multiline(a) {
				return true
			}
		}
	}
	return false
}

func tok(t hclsyntax.TokenType, s string) *hclwrite.Token {
	return &hclwrite.Token{Type: t, Bytes: []byte(s)}
}

// tokens writes e as HCL tokens.
func tokens(e expr) hclwrite.Tokens {
	switch x := e.(type) {
	case eStr:
		return hclwrite.TokensForValue(cty.StringVal(string(x)))
	case eRaw:
		s := string(x)
		switch s {
		case "true", "false", "null":
			return hclwrite.Tokens{tok(hclsyntax.TokenIdent, s)}
		}
		if n, ok := new(big.Float).SetString(s); ok {
			return hclwrite.TokensForValue(cty.NumberVal(n))
		}
		return hclwrite.TokensForValue(cty.StringVal(s))
	case eTrav:
		t := hcl.Traversal{hcl.TraverseRoot{Name: x.parts[0]}}
		for _, p := range x.parts[1:] {
			if i, err := strconv.Atoi(p); err == nil {
				t = append(t, hcl.TraverseIndex{Key: cty.NumberIntVal(int64(i))})
				continue
			}
			t = append(t, hcl.TraverseAttr{Name: p})
		}
		return hclwrite.TokensForTraversal(t)
	case eTmpl:
		out := hclwrite.Tokens{tok(hclsyntax.TokenOQuote, `"`)}
		for _, p := range x {
			if s, ok := p.(eStr); ok {
				q := hclwrite.TokensForValue(cty.StringVal(string(s)))
				out = append(out, q[1:len(q)-1]...)
				continue
			}
			out = append(out, tok(hclsyntax.TokenTemplateInterp, "${"))
			out = append(out, tokens(p)...)
			out = append(out, tok(hclsyntax.TokenTemplateSeqEnd, "}"))
		}
		return append(out, tok(hclsyntax.TokenCQuote, `"`))
	case eTuple:
		if !multiline(x) {
			var elems []hclwrite.Tokens
			for _, it := range x {
				elems = append(elems, tokens(it))
			}
			return hclwrite.TokensForTuple(elems)
		}
		out := hclwrite.Tokens{tok(hclsyntax.TokenOBrack, "["), tok(hclsyntax.TokenNewline, "\n")}
		for _, it := range x {
			out = append(out, tokens(it)...)
			out = append(out, tok(hclsyntax.TokenComma, ","), tok(hclsyntax.TokenNewline, "\n"))
		}
		return append(out, tok(hclsyntax.TokenCBrack, "]"))
	case eObj:
		var attrs []hclwrite.ObjectAttrTokens
		for _, kv := range x {
			attrs = append(attrs, hclwrite.ObjectAttrTokens{Name: objectKey(kv.key), Value: tokens(kv.val)})
		}
		return hclwrite.TokensForObject(attrs)
	case eSrc:
		f, diags := hclwrite.ParseConfig([]byte("x = "+string(x)+"\n"), "", hcl.InitialPos)
		if diags.HasErrors() {
			return hclwrite.TokensForValue(cty.StringVal(string(x)))
		}
		return f.Body().GetAttribute("x").Expr().BuildTokens(nil)
	case eCall:
		var args []hclwrite.Tokens
		for _, a := range x.args {
			args = append(args, tokens(a))
		}
		return hclwrite.TokensForFunctionCall(x.fn, args...)
	}
	return hclwrite.Tokens{tok(hclsyntax.TokenIdent, "null")}
}

// objectKey writes an object key bare when it is an identifier, quoted
// otherwise ("aws:SourceAccount").
func objectKey(k string) hclwrite.Tokens {
	if hclsyntax.ValidIdentifier(k) {
		return hclwrite.TokensForIdentifier(k)
	}
	return hclwrite.TokensForValue(cty.StringVal(k))
}

// write appends a body's items to an hclwrite body.
func write(dst *hclwrite.Body, b *body) {
	for _, it := range b.items {
		if it.blk != nil {
			write(dst.AppendNewBlock(it.name, nil).Body(), it.blk)
			continue
		}
		dst.SetAttributeRaw(it.name, tokens(it.val))
	}
}

// commentTokens is a "# ..." line per line of text.
func commentTokens(text string) hclwrite.Tokens {
	var out hclwrite.Tokens
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		out = append(out, tok(hclsyntax.TokenComment, strings.TrimRight("# "+line, " ")+"\n"))
	}
	return out
}
