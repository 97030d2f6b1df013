// Package cloudformation renders the IR as a CloudFormation template in
// YAML, with short-form intrinsics (!Ref, !GetAtt, !Sub), parameters,
// outputs and descriptions. Output is deterministic: resources, parameters
// and outputs in logical-ID order, properties in the order the IR holds
// them. It reads only the IR.
package cloudformation

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"go.yaml.in/yaml/v3"
)

// Render returns the template for g. g is not modified.
func Render(g *ir.Graph) ([]byte, error) {
	doc, err := document(g)
	if err != nil {
		return nil, err
	}
	if out, ok := emitYAML(doc); ok {
		return out, nil
	}
	return encodeYAML(doc)
}

// document builds the template's YAML node tree.
func document(g *ir.Graph) (*yaml.Node, error) {
	root := mapping()
	add(root, "AWSTemplateFormatVersion", str("2010-09-09"))
	if g.Description != "" {
		add(root, "Description", str(g.Description))
	}
	params := sortedParams(g)
	if len(params) > 0 {
		pm := mapping()
		for _, p := range params {
			n := mapping()
			add(n, "Type", str(p.Type))
			if p.Description != "" {
				add(n, "Description", str(p.Description))
			}
			if p.Default != nil {
				v, err := value(p.Default)
				if err != nil {
					return nil, fmt.Errorf("parameter %s: %w", p.Name, err)
				}
				add(n, "Default", v)
			}
			if len(p.AllowedValues) > 0 {
				l := sequence()
				for _, a := range p.AllowedValues {
					l.Content = append(l.Content, str(a))
				}
				add(n, "AllowedValues", l)
			}
			if p.NoEcho {
				add(n, "NoEcho", scalar("!!bool", "true"))
			}
			add(pm, p.Name, n)
		}
		add(root, "Parameters", pm)
	}
	if g.Conditions.Len() > 0 {
		c, err := value(g.Conditions)
		if err != nil {
			return nil, fmt.Errorf("conditions: %w", err)
		}
		add(root, "Conditions", c)
	}
	res := mapping()
	for _, r := range sortedResources(g) {
		n := mapping()
		add(n, "Type", str(r.Type))
		if r.Condition != "" {
			add(n, "Condition", str(r.Condition))
		}
		if len(r.DependsOn) > 0 {
			l := sequence()
			for _, d := range r.DependsOn {
				l.Content = append(l.Content, str(d))
			}
			add(n, "DependsOn", l)
		}
		if r.DeletionPolicy != "" {
			add(n, "DeletionPolicy", str(r.DeletionPolicy))
		}
		if r.UpdateReplacePolicy != "" {
			add(n, "UpdateReplacePolicy", str(r.UpdateReplacePolicy))
		}
		if r.Metadata.Len() > 0 {
			m, err := value(r.Metadata)
			if err != nil {
				return nil, fmt.Errorf("%s: metadata: %w", r.ID, err)
			}
			add(n, "Metadata", m)
		}
		if r.Properties.Len() > 0 {
			p, err := value(r.Properties)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", r.ID, err)
			}
			add(n, "Properties", p)
		}
		key := str(r.ID)
		if r.Comment != "" {
			key.HeadComment = r.Comment
		}
		res.Content = append(res.Content, key, n)
	}
	add(root, "Resources", res)
	outs := sortedOutputs(g)
	if len(outs) > 0 {
		om := mapping()
		for _, o := range outs {
			n := mapping()
			if o.Description != "" {
				add(n, "Description", str(o.Description))
			}
			v, err := value(o.Value)
			if err != nil {
				return nil, fmt.Errorf("output %s: %w", o.Name, err)
			}
			add(n, "Value", v)
			if o.ExportName != nil {
				e, err := value(o.ExportName)
				if err != nil {
					return nil, fmt.Errorf("output %s: %w", o.Name, err)
				}
				ex := mapping()
				add(ex, "Name", e)
				add(n, "Export", ex)
			}
			add(om, o.Name, n)
		}
		add(root, "Outputs", om)
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}, nil
}

// encodeYAML writes doc with the YAML encoder, indented by two.
func encodeYAML(doc *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func sortedResources(g *ir.Graph) []*ir.Resource {
	c := &ir.Graph{Resources: append([]*ir.Resource(nil), g.Resources...)}
	c.Sort()
	return c.Resources
}

func sortedParams(g *ir.Graph) []ir.Parameter {
	c := &ir.Graph{Parameters: append([]ir.Parameter(nil), g.Parameters...)}
	c.Sort()
	return c.Parameters
}

func sortedOutputs(g *ir.Graph) []ir.Output {
	c := &ir.Graph{Outputs: append([]ir.Output(nil), g.Outputs...)}
	c.Sort()
	return c.Outputs
}

func mapping() *yaml.Node  { return &yaml.Node{Kind: yaml.MappingNode} }
func sequence() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode} }

func scalar(tag, v string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v}
}

// str is a string scalar; the encoder quotes it when it would read back as
// another type ("true", "22", "null").
func str(v string) *yaml.Node {
	n := scalar("!!str", v)
	if strings.Contains(v, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, str(key), v)
}

// value converts an IR value into a YAML node with short-form intrinsics.
func value(v ir.Value) (*yaml.Node, error) {
	switch x := v.(type) {
	case ir.String:
		return str(string(x)), nil
	case ir.Number:
		tag := "!!int"
		if strings.ContainsAny(string(x), ".eE") {
			tag = "!!float"
		}
		return scalar(tag, string(x)), nil
	case ir.Bool:
		return scalar("!!bool", fmt.Sprint(bool(x))), nil
	case ir.Null:
		return scalar("!!null", "null"), nil
	case *ir.List:
		n := sequence()
		if x == nil {
			return n, nil
		}
		for _, it := range x.Items {
			c, err := value(it)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, c)
		}
		return n, nil
	case *ir.Map:
		n := mapping()
		if x == nil {
			return n, nil
		}
		for _, e := range x.Entries {
			c, err := value(e.Value)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", e.Key, err)
			}
			add(n, e.Key, c)
		}
		return n, nil
	case ir.Ref:
		return scalar("!Ref", x.Target), nil
	case ir.GetAtt:
		return scalar("!GetAtt", x.Target+"."+x.Attr), nil
	case ir.Sub:
		if x.Vars == nil || x.Vars.Len() == 0 {
			n := scalar("!Sub", x.Format)
			if strings.Contains(x.Format, "\n") {
				n.Style = yaml.LiteralStyle
			}
			return n, nil
		}
		vars, err := value(x.Vars)
		if err != nil {
			return nil, err
		}
		n := sequence()
		n.Tag = "!Sub"
		n.Content = []*yaml.Node{str(x.Format), vars}
		return n, nil
	case ir.Join:
		items := sequence()
		for _, it := range x.Items {
			c, err := value(it)
			if err != nil {
				return nil, err
			}
			items.Content = append(items.Content, c)
		}
		n := sequence()
		n.Tag = "!Join"
		n.Content = []*yaml.Node{str(x.Sep), items}
		return n, nil
	case ir.Call:
		args, err := value(x.Args)
		if err != nil {
			return nil, err
		}
		// YAML gives a node one tag: an intrinsic whose argument is itself
		// a short-form intrinsic scalar must use the long form.
		if args.Kind == yaml.ScalarNode && strings.HasPrefix(args.Tag, "!") && !strings.HasPrefix(args.Tag, "!!") {
			n := mapping()
			add(n, x.Fn, args)
			return n, nil
		}
		short := "!" + strings.TrimPrefix(x.Fn, "Fn::")
		if x.Fn == "Condition" {
			short = "!Condition"
		}
		args.Tag = short
		if args.Kind == yaml.ScalarNode && args.Value == "" {
			args.Style = yaml.DoubleQuotedStyle
		}
		return args, nil
	case nil:
		return nil, fmt.Errorf("nil value")
	}
	return nil, fmt.Errorf("unsupported value %T", v)
}
