package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hoist-dev/hoist/internal/schema/tf"
)

// builder turns one parsed module into tf.Resource values.
type builder struct {
	mod  *jsModule
	file string
	docs structDocs
	// stack holds the classes being built and their dotted paths, to
	// spot recursive schemas.
	stack []frame
}

type frame struct{ class, path string }

const maxDepth = 64

// resource builds the resource or data source defined by class c.
func (b *builder) resource(c *jsClass) (*tf.Resource, error) {
	blk, err := b.block(c, c.name, c.name+"Config", "")
	if err != nil {
		return nil, err
	}
	return &tf.Resource{Type: c.tfType, Body: *blk}, nil
}

// block builds the body described by class c (the resource class or an
// XOutputReference), whose configurable attributes are listed in the HCL
// table hclName and documented in the config struct docName.
// path is the dotted path of the body from the resource.
func (b *builder) block(c *jsClass, hclName, docName, path string) (*tf.Block, error) {
	for _, f := range b.stack {
		if f.class == c.name {
			if f.path == "" {
				return nil, fmt.Errorf("%s:%d: class %s contains the resource body", b.file, c.line, c.name)
			}
			return &tf.Block{SameAs: f.path}, nil
		}
	}
	if len(b.stack) > maxDepth {
		return nil, fmt.Errorf("%s:%d: class %s nests deeper than %d levels", b.file, c.line, c.name, maxDepth)
	}
	b.stack = append(b.stack, frame{c.name, path})
	defer func() { b.stack = b.stack[:len(b.stack)-1] }()
	hcl := b.mod.hcl[hclName]
	docs := b.docs[structKey{b.mod.name, docName}]
	out := &tf.Block{}
	seen := map[string]bool{}
	for _, m := range c.members {
		if seen[m.name] {
			return nil, fmt.Errorf("%s:%d: attribute %q listed twice in %s", b.file, m.line, m.name, c.name)
		}
		seen[m.name] = true
		h, configurable := hcl[m.name]
		computedOnly := m.computed && !m.optional && !m.required
		if !computedOnly && !configurable {
			return nil, fmt.Errorf("%s:%d: %s.%s is configurable but has no HCL mapping", b.file, m.line, c.name, m.name)
		}
		t, err := typeOf(m, h, configurable)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %s.%s: %w", b.file, m.line, c.name, m.name, err)
		}
		var nested *tf.Block
		if t.elem != "" {
			ec, ok := b.mod.classes[t.elem+"OutputReference"]
			if !ok {
				return nil, fmt.Errorf("%s:%d: %s.%s: no class %sOutputReference", b.file, m.line, c.name, m.name, t.elem)
			}
			sub := m.name
			if path != "" {
				sub = path + "." + m.name
			}
			if nested, err = b.block(ec, t.elem, t.elem, sub); err != nil {
				return nil, err
			}
		}
		isBlock, documented := docs[m.name]
		switch {
		case computedOnly:
			out.Attributes = append(out.Attributes, &tf.Argument{Name: m.name, Type: t.typ, Computed: true, Nested: nested})
		case isBlock:
			if nested == nil {
				if t.typ != "dynamic" {
					return nil, fmt.Errorf("%s:%d: %s.%s is documented as a block but is a %s", b.file, m.line, c.name, m.name, t.typ)
				}
				// The bindings gave up on a deeply nested block and typed it
				// "any": keep the block, without its contents.
				nested = &tf.Block{Opaque: true}
			}
			nested.Name, nested.Nesting = m.name, t.nesting
			if m.required {
				nested.MinItems = 1
			}
			if t.single {
				nested.MaxItems = 1
			}
			out.Blocks = append(out.Blocks, nested)
		default:
			if !documented && docs != nil {
				return nil, fmt.Errorf("%s:%d: %s.%s is configurable but missing from %s", b.file, m.line, c.name, m.name, docName)
			}
			out.Arguments = append(out.Arguments, &tf.Argument{Name: m.name, Type: t.typ, Required: m.required, Computed: m.computed, Nested: nested})
		}
	}
	sortArgs(out.Arguments)
	sortArgs(out.Attributes)
	sort.Slice(out.Blocks, func(i, j int) bool { return out.Blocks[i].Name < out.Blocks[j].Name })
	return out, nil
}

func sortArgs(a []*tf.Argument) {
	sort.Slice(a, func(i, j int) bool { return a[i].Name < a[j].Name })
}

// attrType is a member's Terraform type as far as the package records it.
type attrType struct {
	typ     string     // type constraint, e.g. list(string), set(object)
	elem    string     // struct name of an object element, "" for primitives
	nesting tf.Nesting // for objects
	single  bool       // at most one object (max_items 1 or single nesting)
}

var scalar = map[string]string{"string": "string", "number": "number", "boolean": "bool", "any": "dynamic"}

// typeOf works out a member's type, from its HCL table entry when it is
// configurable and from its getter otherwise.
func typeOf(m *jsMember, h hclAttr, configurable bool) (attrType, error) {
	if configurable && !h.isBlock {
		return hclPrimitive(h)
	}
	if m.complex != "" && !strings.HasPrefix(m.complex, "cdktn.") {
		var t attrType
		switch {
		case strings.HasSuffix(m.complex, "OutputReference"):
			t = attrType{typ: "object", elem: strings.TrimSuffix(m.complex, "OutputReference"), nesting: tf.NestingSingle, single: true}
			if configurable && h.typ == "list" {
				// A list block limited to one item: cdktn exposes it as one object.
				t.typ, t.nesting = "list(object)", tf.NestingList
			}
		case strings.HasSuffix(m.complex, "List"):
			t = attrType{typ: "list(object)", elem: strings.TrimSuffix(m.complex, "List"), nesting: tf.NestingList}
			if m.complexSet || (configurable && h.typ == "set") {
				t.typ, t.nesting = "set(object)", tf.NestingSet
			}
		case strings.HasSuffix(m.complex, "Map"):
			t = attrType{typ: "map(object)", elem: strings.TrimSuffix(m.complex, "Map"), nesting: tf.NestingMap}
		default:
			return attrType{}, fmt.Errorf("unknown complex class %s", m.complex)
		}
		if configurable && h.storage != m.complex && h.storage != t.elem && h.storage != t.elem+"List" {
			return attrType{}, fmt.Errorf("HCL storage class %s does not match %s", h.storage, m.complex)
		}
		return t, nil
	}
	if configurable {
		return attrType{}, fmt.Errorf("object attribute without an object class")
	}
	switch m.complex {
	case "cdktn.StringMap":
		return attrType{typ: "map(string)"}, nil
	case "cdktn.NumberMap":
		return attrType{typ: "map(number)"}, nil
	case "cdktn.BooleanMap":
		return attrType{typ: "map(bool)"}, nil
	case "":
	default:
		return attrType{}, fmt.Errorf("unknown class %s", m.complex)
	}
	switch m.getter {
	case "String":
		return attrType{typ: "string"}, nil
	case "Number":
		return attrType{typ: "number"}, nil
	case "Boolean":
		return attrType{typ: "bool"}, nil
	case "List", "NumberList", "BooleanList":
		elem := map[string]string{"List": "string", "NumberList": "number", "BooleanList": "bool"}[m.getter]
		if m.tolist {
			return attrType{typ: "set(" + elem + ")"}, nil
		}
		return attrType{typ: "list(" + elem + ")"}, nil
	case "StringMap":
		return attrType{typ: "map(string)"}, nil
	case "NumberMap":
		return attrType{typ: "map(number)"}, nil
	case "BooleanMap":
		return attrType{typ: "map(bool)"}, nil
	case "AnyMap":
		return attrType{typ: "map(dynamic)"}, nil
	case "interpolation":
		return attrType{typ: "dynamic"}, nil
	case "":
		return attrType{}, fmt.Errorf("no getter found")
	}
	return attrType{}, fmt.Errorf("unknown getter get%sAttribute", m.getter)
}

// hclPrimitive reads a storage class such as "stringListMap" (innermost
// first) with the outer collection kind from the HCL type, e.g. type "set"
// and storage "stringList" is set(string).
func hclPrimitive(h hclAttr) (attrType, error) {
	rest := h.storage
	var wrappers []string // outermost last
	for {
		if r, ok := strings.CutSuffix(rest, "List"); ok && r != "" {
			wrappers, rest = append(wrappers, "list"), r
			continue
		}
		if r, ok := strings.CutSuffix(rest, "Map"); ok && r != "" {
			wrappers, rest = append(wrappers, "map"), r
			continue
		}
		break
	}
	t, ok := scalar[rest]
	if !ok {
		return attrType{}, fmt.Errorf("unknown HCL storage class %q (type %q)", h.storage, h.typ)
	}
	// wrappers were collected outermost first; apply innermost first.
	for i := len(wrappers) - 1; i >= 0; i-- {
		kind := wrappers[i]
		if i == 0 {
			switch {
			case h.typ == "set" && kind == "list":
				kind = "set"
			case h.typ != kind:
				return attrType{}, fmt.Errorf("HCL type %q does not match storage class %q", h.typ, h.storage)
			}
		}
		t = kind + "(" + t + ")"
	}
	if len(wrappers) == 0 && h.typ != "simple" {
		return attrType{}, fmt.Errorf("HCL type %q does not match storage class %q", h.typ, h.storage)
	}
	return attrType{typ: t}, nil
}
