package cloudformation

import (
	"bytes"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// This file writes the template's node tree as YAML directly. The
// go.yaml.in encoder queues an event per node and re-analyses every
// scalar; it was most of the cost of rendering. The writer here lays out
// block mappings and sequences the way that encoder does with an indent
// of two, and asks the encoder itself how to write each scalar whose
// plain form it cannot be sure of (quoting, literal blocks, strings that
// read back as numbers or booleans), remembering the answers. A tree with
// anything else (anchors, flow style, comments other than a key's head
// comment) makes it give up, and Render falls back to the encoder. The
// equality with the encoder's output is tested over every golden template
// and random trees.

// yamlWriter writes one document.
type yamlWriter struct {
	out []byte
	bad bool
	// split allows writing the entries of one large mapping concurrently.
	split bool
}

// asked remembers the encoder's answers by scalarKey, for up to maxAsked
// scalars of up to 256 bytes across renders.
var (
	asked      sync.Map
	askedCount atomic.Int64
)

const maxAsked = 20000

type scalarKey struct {
	tag, value string
	style      yaml.Style
	key        bool
}

// scalarText is how the encoder writes one scalar: text, and for a
// literal block the header ("|-") in text and the content lines, as the
// encoder indents them under a key at column 0, in lines.
type scalarText struct {
	text  string
	lines []string
	ok    bool
}

// emitYAML writes doc, or reports false when the encoder must.
func emitYAML(doc *yaml.Node) ([]byte, bool) {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || !plainNode(doc) {
		return nil, false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || len(root.Content) == 0 || root.HeadComment != "" {
		return nil, false
	}
	w := &yamlWriter{split: true}
	if w.collectionTag(root) != "" {
		return nil, false
	}
	w.mapping(root, 0, false)
	if w.bad {
		return nil, false
	}
	return w.out, true
}

// plainNode reports a node without what the writer does not handle.
func plainNode(n *yaml.Node) bool {
	return n.Anchor == "" && n.LineComment == "" && n.FootComment == "" && n.Style&(yaml.FlowStyle|yaml.TaggedStyle) == 0
}

// fail makes the writer give up.
func (w *yamlWriter) fail() { w.bad = true }

func (w *yamlWriter) indent(n int) {
	for ; n > 0; n-- {
		w.out = append(w.out, ' ')
	}
}

// mapping writes a block mapping whose keys start at column ind; inline
// means the first key goes on the current line, after "- ".
func (w *yamlWriter) mapping(n *yaml.Node, ind int, inline bool) {
	if len(n.Content)%2 != 0 {
		w.fail()
		return
	}
	for i := 0; i < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || !plainNode(k) || !plainNode(v) || v.HeadComment != "" {
			w.fail()
			return
		}
		if k.HeadComment != "" {
			if inline && i == 0 {
				w.fail()
				return
			}
			w.comment(k.HeadComment, ind)
		}
		if i > 0 || !inline {
			w.indent(ind)
		}
		kt := w.scalar(k, true)
		if kt.lines != nil {
			w.fail()
			return
		}
		w.out = append(w.out, kt.text...)
		w.out = append(w.out, ':')
		w.value(v, ind)
	}
}

// splitEntries is the size of the mapping (Resources, mostly) worth
// writing in parts at once, and the size of each part.
const splitEntries = 64

// mappingConcurrently is mapping for a large block mapping not inline:
// each entry is written the same wherever it stands, so parts of the
// mapping are written concurrently and joined in order.
func (w *yamlWriter) mappingConcurrently(n *yaml.Node, ind int) {
	var parts []*yamlWriter
	var wg sync.WaitGroup
	var panicked atomic.Value
	for start := 0; start < len(n.Content); start += 2 * splitEntries {
		part := &yaml.Node{Kind: yaml.MappingNode, Content: n.Content[start:min(start+2*splitEntries, len(n.Content))]}
		pw := &yamlWriter{}
		parts = append(parts, pw)
		wg.Go(func() {
			// A panic (the encoder's, on a scalar) goes on in the
			// caller's goroutine, as it did before.
			defer func() {
				if r := recover(); r != nil {
					panicked.CompareAndSwap(nil, recovered{r})
				}
			}()
			pw.mapping(part, ind, false)
		})
	}
	wg.Wait()
	if r := panicked.Load(); r != nil {
		panic(r.(recovered).value)
	}
	for _, pw := range parts {
		if pw.bad {
			w.fail()
			return
		}
		w.out = append(w.out, pw.out...)
	}
}

// sequence writes a block sequence whose dashes are at column ind; inline
// means the first dash goes on the current line.
func (w *yamlWriter) sequence(n *yaml.Node, ind int, inline bool) {
	for i, it := range n.Content {
		if !plainNode(it) || it.HeadComment != "" {
			w.fail()
			return
		}
		if i > 0 || !inline {
			w.indent(ind)
		}
		w.out = append(w.out, '-')
		w.item(it, ind)
	}
}

// value writes what follows "key:" for a key at column ind.
func (w *yamlWriter) value(v *yaml.Node, ind int) {
	switch v.Kind {
	case yaml.ScalarNode:
		w.out = append(w.out, ' ')
		w.scalarBody(v, ind+2)
	case yaml.MappingNode, yaml.SequenceNode:
		if w.emptyCollection(v) {
			return
		}
		if tag := w.collectionTag(v); tag != "" {
			w.out = append(w.out, ' ')
			w.out = append(w.out, tag...)
		}
		w.out = append(w.out, '\n')
		if v.Kind == yaml.MappingNode && w.split && len(v.Content) >= 2*splitEntries {
			w.split = false
			w.mappingConcurrently(v, ind+2)
		} else if v.Kind == yaml.MappingNode {
			w.mapping(v, ind+2, false)
		} else {
			w.sequence(v, ind+2, false)
		}
	default:
		w.fail()
	}
}

// item writes what follows the "-" of an item at column ind.
func (w *yamlWriter) item(v *yaml.Node, ind int) {
	switch v.Kind {
	case yaml.ScalarNode:
		w.out = append(w.out, ' ')
		w.scalarBody(v, ind+2)
	case yaml.MappingNode, yaml.SequenceNode:
		if w.emptyCollection(v) {
			return
		}
		tag := w.collectionTag(v)
		w.out = append(w.out, ' ')
		if tag != "" {
			w.out = append(w.out, tag...)
			w.out = append(w.out, '\n')
		}
		if v.Kind == yaml.MappingNode {
			w.mapping(v, ind+2, tag == "")
		} else {
			w.sequence(v, ind+2, tag == "")
		}
	default:
		w.fail()
	}
}

// emptyCollection writes " {}" or " []", tagged, for an empty collection.
func (w *yamlWriter) emptyCollection(v *yaml.Node) bool {
	if len(v.Content) > 0 {
		return false
	}
	w.out = append(w.out, ' ')
	if tag := w.collectionTag(v); tag != "" {
		w.out = append(w.out, tag...)
		w.out = append(w.out, ' ')
	}
	if v.Kind == yaml.MappingNode {
		w.out = append(w.out, "{}\n"...)
	} else {
		w.out = append(w.out, "[]\n"...)
	}
	return true
}

// scalarBody writes a scalar after "key: " or "- " and ends the line; a
// literal block's lines go at column content.
func (w *yamlWriter) scalarBody(v *yaml.Node, content int) {
	t := w.scalar(v, false)
	w.out = append(w.out, t.text...)
	w.out = append(w.out, '\n')
	for _, l := range t.lines {
		if l != "" {
			w.indent(content - 2)
			w.out = append(w.out, l...)
		}
		w.out = append(w.out, '\n')
	}
}

// collectionTag is the tag the encoder shows on a mapping or sequence:
// none for the standard ones, a local tag as written. Anything else makes
// the writer give up.
func (w *yamlWriter) collectionTag(n *yaml.Node) string {
	switch n.Tag {
	case "":
		return ""
	case "!!map", "tag:yaml.org,2002:map":
		if n.Kind == yaml.MappingNode {
			return ""
		}
	case "!!seq", "tag:yaml.org,2002:seq":
		if n.Kind == yaml.SequenceNode {
			return ""
		}
	}
	if localTag(n.Tag) {
		return n.Tag
	}
	w.fail()
	return ""
}

// localTag reports a short local tag such as !Ref.
func localTag(t string) bool {
	if len(t) < 2 || t[0] != '!' {
		return false
	}
	for i := 1; i < len(t); i++ {
		c := t[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':') {
			return false
		}
	}
	return true
}

// comment writes a head comment's lines at column ind, each after "# "
// unless it starts with "#" already.
func (w *yamlWriter) comment(text string, ind int) {
	for _, line := range strings.Split(text, "\n") {
		if line == "" || strings.TrimSpace(line) != line || !utf8.ValidString(line) || strings.ContainsFunc(line, func(r rune) bool { return !unicode.IsPrint(r) }) {
			w.fail()
			return
		}
		w.indent(ind)
		if line[0] != '#' {
			w.out = append(w.out, "# "...)
		}
		w.out = append(w.out, line...)
		w.out = append(w.out, '\n')
	}
}

// scalar returns how the encoder writes v as a key or as a value.
func (w *yamlWriter) scalar(v *yaml.Node, key bool) scalarText {
	if v.Style == 0 {
		if s, ok := plainScalar(v.Tag, v.Value, key); ok {
			return scalarText{text: s, ok: true}
		}
	}
	k := scalarKey{tag: v.Tag, value: v.Value, style: v.Style, key: key}
	var t scalarText
	if a, seen := asked.Load(k); seen {
		t = a.(scalarText)
	} else {
		t = askEncoder(v, key)
		if len(v.Value) <= 256 && askedCount.Add(1) <= maxAsked {
			asked.Store(k, t)
		}
	}
	if !t.ok {
		w.fail()
	}
	return t
}

// plainScalar writes the scalars whose plain form is certain: strings of
// letters and a few safe characters (not a word YAML reads as a boolean
// or null), decimal integers, booleans and null with their own tags, and
// the same strings after a local tag.
func plainScalar(tag, v string, key bool) (string, bool) {
	switch tag {
	case "!!str":
		if safePlain(v, key) {
			return v, true
		}
	case "!!int":
		d := strings.TrimPrefix(v, "-")
		if d != "" && len(d) < 16 && (d[0] != '0' || d == "0") && strings.Trim(d, "0123456789") == "" {
			return v, true
		}
	case "!!bool":
		if v == "true" || v == "false" {
			return v, true
		}
	case "!!null":
		if v == "null" {
			return v, true
		}
	default:
		if !key && localTag(tag) && safePlain(v, false) {
			return tag + " " + v, true
		}
	}
	return "", false
}

// safePlain reports a string that is written plain and reads back as a
// string: a letter (or, for a value, "$") first; then letters, digits and
// the characters below, with no ": ", no trailing ":" or space; and not a
// word of five letters or fewer, which might be a boolean or null.
func safePlain(s string, key bool) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	c := s[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '$' && !key) {
		return false
	}
	letters := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9', c == '_', c == '-', c == '.', c == '/', c == '$', c == '*', c == '=', c == '+', c == '(', c == ')', c == '@':
			letters = false
		case c == ' ':
			if i == len(s)-1 {
				return false
			}
			letters = false
		case c == ':':
			if i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
			letters = false
		case c == '{' || c == '}' || c == ',':
			if key {
				return false
			}
			letters = false
		default:
			return false
		}
	}
	return !(letters && len(s) <= 5)
}

// askEncoder encodes v alone, as a key or as a value, and cuts out how it
// is written.
func askEncoder(v *yaml.Node, key bool) scalarText {
	probe := &yaml.Node{Kind: v.Kind, Tag: v.Tag, Value: v.Value, Style: v.Style}
	filler := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "x"}
	m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{filler, probe}}
	if key {
		m.Content = []*yaml.Node{probe, filler}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{m}}); err != nil {
		return scalarText{}
	}
	if err := enc.Close(); err != nil {
		return scalarText{}
	}
	out := buf.String()
	if key {
		text, ok := strings.CutSuffix(out, ": x\n")
		if !ok || text == "" || strings.ContainsAny(text, "\n") || strings.HasPrefix(text, "?") {
			return scalarText{}
		}
		return scalarText{text: text, ok: true}
	}
	rest, ok := strings.CutPrefix(out, "x: ")
	if !ok || !strings.HasSuffix(rest, "\n") {
		return scalarText{}
	}
	lines := strings.Split(strings.TrimSuffix(rest, "\n"), "\n")
	t := scalarText{text: lines[0], ok: true}
	if len(lines) == 1 {
		return t
	}
	if !strings.HasPrefix(t.text, "|") {
		return scalarText{}
	}
	for _, l := range lines[1:] {
		if l != "" && !strings.HasPrefix(l, "  ") {
			return scalarText{}
		}
	}
	t.lines = lines[1:]
	return t
}

// recovered wraps a worker goroutine's panic value, so that values of any
// type fit one atomic.Value.
type recovered struct{ value any }
