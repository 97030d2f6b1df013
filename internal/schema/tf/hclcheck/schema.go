package hclcheck

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hoist-dev/hoist/internal/schema/tf"
)

// Schema compares every AWS resource and data block with the embedded
// provider schema (blocks of other providers are skipped) and every call
// of a module in ModuleInterfaces with that module's variables.
func (c *Config) Schema() []Problem {
	var probs []Problem
	for _, b := range c.blocks() {
		switch {
		case (b.Type == "resource" || b.Type == "data") && len(b.Labels) == 2 && strings.HasPrefix(b.Labels[0], "aws_"):
			var found []tf.Problem
			if b.Type == "resource" {
				found = tf.CheckBody(b.Labels[0], shape(b.Body, b.TypeRange))
			} else {
				found = tf.CheckDataBody(b.Labels[0], shape(b.Body, b.TypeRange))
			}
			for _, f := range found {
				probs = append(probs, Problem{Kind: f.Kind, File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Column,
					Message: fmt.Sprintf("%s.%s: %s", b.Labels[0], b.Labels[1], f.Message), Suggestion: f.Suggestion})
			}
		case b.Type == "module" && len(b.Labels) == 1:
			if in, ok := c.ModuleInterfaces[b.Labels[0]]; ok {
				probs = append(probs, moduleInputs(b, in)...)
			}
		}
	}
	Sort(probs)
	return probs
}

// moduleMeta are the arguments of a module block that are not inputs.
var moduleMeta = map[string]bool{"source": true, "version": true, "count": true, "for_each": true, "providers": true, "depends_on": true}

func moduleInputs(b *hclsyntax.Block, in Interface) []Problem {
	var probs []Problem
	var vars []string
	for v := range in.Variables {
		vars = append(vars, v)
	}
	sort.Strings(vars)
	for _, a := range sortedAttrs(b.Body) {
		if _, ok := in.Variables[a.Name]; ok || moduleMeta[a.Name] {
			continue
		}
		probs = append(probs, problemAt(UnknownModuleInput, a.NameRange, tf.Suggest(a.Name, vars),
			"module.%s: unknown argument %q: the module declares no such variable", b.Labels[0], a.Name))
	}
	for _, v := range vars {
		if _, set := b.Body.Attributes[v]; !set && !in.Variables[v] {
			probs = append(probs, problemAt(MissingModuleInput, b.TypeRange, "",
				"module.%s: missing required argument %q: the module's variable has no default", b.Labels[0], v))
		}
	}
	return probs
}

func sortedAttrs(b *hclsyntax.Body) []*hclsyntax.Attribute {
	attrs := make([]*hclsyntax.Attribute, 0, len(b.Attributes))
	for _, a := range b.Attributes {
		attrs = append(attrs, a)
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].SrcRange.Start.Byte < attrs[j].SrcRange.Start.Byte })
	return attrs
}

// shape converts a parsed body to the checker's shape. A dynamic block
// stands for blocks named by its label, shaped like its content.
func shape(b *hclsyntax.Body, at hcl.Range) tf.BodyShape {
	s := tf.BodyShape{Pos: pos(at)}
	for _, a := range sortedAttrs(b) {
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
