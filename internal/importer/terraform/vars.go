package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// traversals appends the variables an expression refers to, as
// hclsyntax.Variables returns them, to out. It walks the common node
// types itself, without allocating, and only falls back to
// hclsyntax.Variables for the others; most attributes are literals and
// refer to nothing.
func traversals(e hclsyntax.Expression, out []hcl.Traversal) []hcl.Traversal {
	switch x := e.(type) {
	case nil, *hclsyntax.LiteralValueExpr, *hclsyntax.AnonSymbolExpr:
	case *hclsyntax.ScopeTraversalExpr:
		out = append(out, x.Traversal)
	case *hclsyntax.RelativeTraversalExpr:
		out = traversals(x.Source, out)
	case *hclsyntax.TemplateExpr:
		for _, p := range x.Parts {
			out = traversals(p, out)
		}
	case *hclsyntax.TemplateWrapExpr:
		out = traversals(x.Wrapped, out)
	case *hclsyntax.TemplateJoinExpr:
		out = traversals(x.Tuple, out)
	case *hclsyntax.TupleConsExpr:
		for _, it := range x.Exprs {
			out = traversals(it, out)
		}
	case *hclsyntax.ObjectConsExpr:
		for _, it := range x.Items {
			out = traversals(it.KeyExpr, out)
			out = traversals(it.ValueExpr, out)
		}
	case *hclsyntax.ObjectConsKeyExpr:
		// A bare name is a literal key, not a reference.
		if x.ForceNonLiteral || hcl.ExprAsKeyword(x.Wrapped) == "" {
			out = traversals(x.Wrapped, out)
		}
	case *hclsyntax.FunctionCallExpr:
		for _, a := range x.Args {
			out = traversals(a, out)
		}
	case *hclsyntax.BinaryOpExpr:
		out = traversals(x.LHS, out)
		out = traversals(x.RHS, out)
	case *hclsyntax.UnaryOpExpr:
		out = traversals(x.Val, out)
	case *hclsyntax.ConditionalExpr:
		out = traversals(x.Condition, out)
		out = traversals(x.TrueResult, out)
		out = traversals(x.FalseResult, out)
	case *hclsyntax.ParenthesesExpr:
		out = traversals(x.Expression, out)
	case *hclsyntax.IndexExpr:
		out = traversals(x.Collection, out)
		out = traversals(x.Key, out)
	case *hclsyntax.SplatExpr:
		out = traversals(x.Source, out)
		out = traversals(x.Each, out)
	default:
		// For expressions (with their own scope) and anything newer.
		out = append(out, hclsyntax.Variables(e)...)
	}
	return out
}
