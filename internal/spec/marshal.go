package spec

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Header is the comment line Marshal writes at the top of a new hoist.yaml.
const Header = "# hoist.yaml — see: hoist schema spec"

// Marshal writes s as YAML: keys in the order of the Go types, unset values
// left out, two-space indentation, and Header as the first line. The same
// Spec always gives the same bytes.
func Marshal(s *Spec) ([]byte, error) {
	var n yaml.Node
	if err := n.Encode(s); err != nil {
		return nil, fmt.Errorf("encode hoist.yaml: %w", err)
	}
	body, err := encode(&n)
	if err != nil {
		return nil, err
	}
	return append([]byte(Header+"\n"), body...), nil
}

func encode(n *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, fmt.Errorf("encode hoist.yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode hoist.yaml: %w", err)
	}
	return buf.Bytes(), nil
}

// Update returns the document's text with s written into it. What did not
// change keeps its comments, key order and quoting; changed values keep the
// comments around them. Keys the user did not write are added at the end of
// their mapping in the order of the Go types; list items are matched by
// name (lists of strings by value) and follow the order of s, so an item
// appended to s is appended to the file; items missing from s are removed.
//
// The document itself is left as it was. A file already indented with two
// spaces and left unchanged comes back byte for byte; otherwise the output
// is re-indented with two spaces, blank lines are kept where the lines
// around them are still there, and anchors and aliases are written out in
// full.
func (doc *Document) Update(s *Spec) ([]byte, error) {
	if s == nil {
		return nil, fmt.Errorf("update hoist.yaml: no spec")
	}
	node := expandAliases(doc.node)
	root, err := update(node.Content[0], reflect.ValueOf(s).Elem())
	if err != nil {
		return nil, err
	}
	node.Content[0] = root
	out, err := encode(node)
	if err != nil {
		return nil, err
	}
	return restoreBlankLines(doc.data, out), nil
}

// restoreBlankLines puts back the blank lines of orig that the YAML encoder
// drops: a line of out that lines up with a line of orig that followed a
// blank line gets a blank line before it too. Lines are lined up in order,
// ignoring indentation. If the result would read differently from out (a
// blank line inside a block scalar, say), out is returned as it is.
func restoreBlankLines(orig, out []byte) []byte {
	if !bytes.Contains(orig, []byte("\n\n")) && !bytes.Contains(orig, []byte("\n\r\n")) {
		return out
	}
	// Where each trimmed line of orig occurs, and whether a blank line
	// comes before it.
	at := map[string][]int{}
	var blankBefore []bool
	prevBlank := true
	for i, line := range strings.Split(string(orig), "\n") {
		t := strings.TrimSpace(line)
		at[t] = append(at[t], i)
		blankBefore = append(blankBefore, i > 0 && prevBlank)
		prevBlank = t == ""
	}
	var b strings.Builder
	next := 0 // first line of orig not yet lined up
	prevBlank = true
	for _, line := range strings.Split(string(out), "\n") {
		t := strings.TrimSpace(line)
		if t != "" {
			pos := at[t]
			if k, _ := slices.BinarySearch(pos, next); k < len(pos) {
				if blankBefore[pos[k]] && !prevBlank {
					b.WriteString("\n")
				}
				next = pos[k] + 1
			}
		}
		prevBlank = t == ""
		b.WriteString(line)
		b.WriteString("\n")
	}
	got := []byte(strings.TrimSuffix(b.String(), "\n"))
	a, errA := Parse("", got)
	c, errC := Parse("", out)
	if errA != nil || errC != nil || !reflect.DeepEqual(a.Spec, c.Spec) {
		return out
	}
	return got
}

// expandAliases deep-copies n, replacing every alias with a copy of what it
// refers to, so that editing one place never edits another.
func expandAliases(n *yaml.Node) *yaml.Node {
	c := *n
	c.Anchor = ""
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		c = *expandAliases(n.Alias)
		c.HeadComment, c.LineComment, c.FootComment = n.HeadComment, n.LineComment, n.FootComment
		return &c
	}
	c.Alias = nil
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, child := range n.Content {
		c.Content[i] = expandAliases(child)
	}
	return &c
}

// update returns n changed to hold v: n itself (edited in place) when its
// kind fits, or a new node carrying n's comments when it does not.
func update(n *yaml.Node, v reflect.Value) (*yaml.Node, error) {
	if same, err := holds(n, v); err != nil || same {
		return n, err
	}
	switch {
	case v.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		return n, updateMapping(n, v)
	case v.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		return n, updateSequence(n, v)
	}
	return replacement(n, v)
}

// holds reports whether n already decodes to v, judged by their canonical
// YAML so that nil and empty lists compare equal.
func holds(n *yaml.Node, v reflect.Value) (bool, error) {
	d := &decoder{pos: map[string]position{}, budget: maxNodes}
	got := reflect.New(v.Type()).Elem()
	d.decode(n, got, "")
	if len(d.errs) > 0 {
		return false, nil
	}
	a, err := yaml.Marshal(got.Interface())
	if err != nil {
		return false, fmt.Errorf("encode hoist.yaml: %w", err)
	}
	b, err := yaml.Marshal(v.Interface())
	if err != nil {
		return false, fmt.Errorf("encode hoist.yaml: %w", err)
	}
	return bytes.Equal(a, b), nil
}

// replacement encodes v as a fresh node that keeps n's comments.
func replacement(n *yaml.Node, v reflect.Value) (*yaml.Node, error) {
	r, err := encodeValue(v)
	if err != nil {
		return nil, err
	}
	r.HeadComment, r.LineComment, r.FootComment = n.HeadComment, n.LineComment, n.FootComment
	return r, nil
}

func encodeValue(v reflect.Value) (*yaml.Node, error) {
	var r yaml.Node
	if err := r.Encode(v.Interface()); err != nil {
		return nil, fmt.Errorf("encode hoist.yaml: %w", err)
	}
	return &r, nil
}

// isEmpty mirrors the encoder's omitempty: zero scalars, empty lists and
// structs whose fields are all empty.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice:
		return v.Len() == 0
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && !isEmpty(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return v.IsZero()
}

func updateMapping(n *yaml.Node, v reflect.Value) error {
	for _, f := range fieldsOf(v.Type()) {
		fv := v.Field(f.index)
		at := -1
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == f.name {
				at = i
				break
			}
		}
		switch {
		case at < 0 && (isEmpty(fv) && f.omitempty):
			// Not written and still unset: nothing to do.
		case at < 0:
			val, err := encodeValue(fv)
			if err != nil {
				return err
			}
			key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.name}
			n.Content = append(n.Content, key, val)
		case isEmpty(fv) && f.omitempty:
			// Written but now unset: keep "public: false" or "env: []" as
			// the user wrote it, drop anything that says otherwise.
			if same, err := holds(n.Content[at+1], fv); err != nil {
				return err
			} else if !same {
				n.Content = append(n.Content[:at:at], n.Content[at+2:]...)
			}
		default:
			val, err := update(n.Content[at+1], fv)
			if err != nil {
				return err
			}
			n.Content[at+1] = val
		}
	}
	return nil
}

func updateSequence(n *yaml.Node, v reflect.Value) error {
	used := make([]bool, len(n.Content))
	out := make([]*yaml.Node, 0, v.Len())
	for i := 0; i < v.Len(); i++ {
		ev := v.Index(i)
		j := matchItem(n.Content, used, ev, i)
		var (
			item *yaml.Node
			err  error
		)
		if j >= 0 {
			used[j] = true
			item, err = update(n.Content[j], ev)
		} else {
			item, err = encodeValue(ev)
		}
		if err != nil {
			return err
		}
		out = append(out, item)
	}
	n.Content = out
	return nil
}

// matchItem finds the unused item of items that ev is an edit of: the one
// with the same name (a struct) or value (a string). An item without a name
// matches the item at the same index when that one has no name either.
func matchItem(items []*yaml.Node, used []bool, ev reflect.Value, index int) int {
	key := ""
	switch ev.Kind() {
	case reflect.String:
		key = ev.String()
	case reflect.Struct:
		if f := ev.FieldByName("Name"); f.IsValid() && f.Kind() == reflect.String {
			key = f.String()
		}
	}
	for j, it := range items {
		if !used[j] && itemKey(it, ev.Kind()) == key && (key != "" || j == index) {
			return j
		}
	}
	return -1
}

func itemKey(n *yaml.Node, kind reflect.Kind) string {
	switch {
	case kind == reflect.String && n.Kind == yaml.ScalarNode:
		return n.Value
	case kind == reflect.Struct && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "name" && n.Content[i+1].Kind == yaml.ScalarNode {
				return n.Content[i+1].Value
			}
		}
	}
	return ""
}
