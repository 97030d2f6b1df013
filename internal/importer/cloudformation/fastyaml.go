package cloudformation

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

// This file parses the common shape of a CloudFormation YAML template
// into the same yaml.Node tree go.yaml.in/yaml/v3 builds, several times
// faster: block mappings and sequences indented with spaces, one-line
// plain and quoted scalars, one-line flow collections and local tags
// (!Ref, !Sub). Anything else — comments, anchors and aliases, block and
// multi-line scalars, multi-line flow collections (JSON), documents
// markers, tabs, non-ASCII text, empty values — makes it give up, and
// Parse falls back to the YAML package, which also reports every error:
// the fast parser accepts nothing the YAML package would reject. The
// equality of the trees is tested on every template and YAML file of the
// repository, on mutations of them and by fuzzing.

// fastParser reads one document.
type fastParser struct {
	src   string
	lines []fline
	// li is the current line; col the current column in it.
	li, col int
	depth   int
	// nodes and ptrs are slabs the nodes and their Content slices are cut
	// from; stack holds the children of the collections being read.
	nodes []yaml.Node
	ptrs  []*yaml.Node
	stack []*yaml.Node
}

// node returns a new node with the fields of n.
func (p *fastParser) node(n yaml.Node) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, 256)
	}
	p.nodes = append(p.nodes, n)
	return &p.nodes[len(p.nodes)-1]
}

// children moves the children read since mark from the stack into n.
func (p *fastParser) children(n *yaml.Node, mark int) {
	k := len(p.stack) - mark
	if k == 0 {
		return
	}
	if len(p.ptrs)+k > cap(p.ptrs) {
		p.ptrs = make([]*yaml.Node, 0, max(1024, k))
	}
	start := len(p.ptrs)
	p.ptrs = append(p.ptrs, p.stack[mark:]...)
	n.Content = p.ptrs[start:len(p.ptrs):len(p.ptrs)]
	clear(p.stack[mark:])
	p.stack = p.stack[:mark]
}

// fline is one line of the source: where its text starts and ends and
// its indentation.
type fline struct {
	start, end, indent int
	blank              bool
}

// errGiveUp stops the fast parser.
type errGiveUp struct{}

// parseFast returns the document node of src, or false when the YAML
// package must parse it.
func parseFast(src []byte) (doc *yaml.Node, ok bool) {
	p := &fastParser{src: string(src)}
	if !p.scanLines() {
		return nil, false
	}
	defer func() {
		if r := recover(); r != nil {
			// Giving up, or a bug (counted for the tests): either way the
			// YAML package parses the template.
			if _, give := r.(errGiveUp); !give {
				fastPanics.Add(1)
			}
			doc, ok = nil, false
		}
	}()
	p.li = p.nextLine(0)
	if p.li >= len(p.lines) || p.lines[p.li].indent != 0 {
		return nil, false
	}
	p.col = 0
	root := p.blockNode(0)
	if root.Kind != yaml.MappingNode || p.nextLine(p.li) < len(p.lines) {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}}, true
}

func (p *fastParser) fail() { panic(errGiveUp{}) }

// fastPanics counts panics of the fast parser other than giving up; the
// tests want none.
var fastPanics atomic.Int64

// scanLines cuts the source into lines and rejects what the parser does
// not handle anywhere: bytes outside printable ASCII, tabs, carriage
// returns, comment lines and document markers.
func (p *fastParser) scanLines() bool {
	s := p.src
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < ' ' || c > '~') && c != '\n' {
			return false
		}
	}
	p.lines = make([]fline, 0, strings.Count(s, "\n")+1)
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		l := fline{start: start, end: end}
		for start+l.indent < end && s[start+l.indent] == ' ' {
			l.indent++
		}
		l.blank = start+l.indent == end
		if !l.blank {
			switch s[start+l.indent] {
			case '#', '%':
				return false
			}
			if l.indent == 0 && (strings.HasPrefix(s[start:end], "---") || strings.HasPrefix(s[start:end], "...")) {
				return false
			}
		}
		p.lines = append(p.lines, l)
		start = end + 1
	}
	return true
}

// nextLine skips blank lines from line i.
func (p *fastParser) nextLine(i int) int {
	for i < len(p.lines) && p.lines[i].blank {
		i++
	}
	return i
}

// rest is the current line from the current column.
func (p *fastParser) rest() string {
	l := p.lines[p.li]
	return p.src[l.start+p.col : l.end]
}

// at is the character at column c of the current line, or 0 past its end.
func (p *fastParser) at(c int) byte {
	l := p.lines[p.li]
	if l.start+c < l.end {
		return p.src[l.start+c]
	}
	return 0
}

// endLine checks that only spaces are left on the current line and moves
// to the next line that is not blank.
func (p *fastParser) endLine() {
	if strings.TrimLeft(p.rest(), " ") != "" {
		p.fail()
	}
	p.li = p.nextLine(p.li + 1)
	p.col = 0
	if p.li < len(p.lines) {
		p.col = p.lines[p.li].indent
	}
}

// skipSpaces moves past spaces on the current line.
func (p *fastParser) skipSpaces() {
	for p.at(p.col) == ' ' {
		p.col++
	}
}

// blockNode reads the node that starts at the current position inside a
// collection indented by ind: a block mapping or sequence (indented by the
// current column), or an inline value.
func (p *fastParser) blockNode(ind int) *yaml.Node {
	p.depth++
	if p.depth > maxFastDepth {
		p.fail()
	}
	defer func() { p.depth-- }()
	if p.isDash() {
		return p.sequence(p.col)
	}
	if p.keyAhead() {
		return p.mapping(p.col)
	}
	return p.inline(ind)
}

// maxFastDepth bounds nesting; deeper documents go to the YAML package,
// which has its own limit.
const maxFastDepth = 100

// isDash reports "-" then a space or the end of the line.
func (p *fastParser) isDash() bool {
	return p.at(p.col) == '-' && (p.at(p.col+1) == ' ' || p.at(p.col+1) == 0)
}

// keyAhead reports a "key:" at the current position.
func (p *fastParser) keyAhead() bool {
	r := p.rest()
	switch {
	case r == "" || !(r[0] == '"' || r[0] == '\'' || plainStart(r)):
		return false
	case r[0] == '"' || r[0] == '\'':
		end := quotedEnd(r)
		return end > 0 && end < len(r) && r[end] == ':' && (end+1 == len(r) || r[end+1] == ' ')
	}
	i := plainKeyEnd(r)
	return i >= 0
}

// plainKeyEnd returns where the ":" of a plain key is, or -1.
func plainKeyEnd(r string) int {
	for i := 0; i < len(r); i++ {
		if r[i] == ':' && (i+1 == len(r) || r[i+1] == ' ') {
			return i
		}
		if r[i] == ' ' && i+1 < len(r) && r[i+1] == '#' {
			return -1
		}
	}
	return -1
}

// quotedEnd returns the index just past the closing quote of the quoted
// scalar r starts with, or -1 when it does not close on the line.
func quotedEnd(r string) int {
	q := r[0]
	for i := 1; i < len(r); i++ {
		switch {
		case q == '\'' && r[i] == '\'':
			if i+1 < len(r) && r[i+1] == '\'' {
				i++
				continue
			}
			return i + 1
		case q == '"' && r[i] == '\\':
			i++
		case q == '"' && r[i] == '"':
			return i + 1
		}
	}
	return -1
}

// mapping reads a block mapping whose keys are at column ind, the first
// at the current position.
func (p *fastParser) mapping(ind int) *yaml.Node {
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.li + 1, Column: ind + 1})
	mark := len(p.stack)
	defer p.children(m, mark)
	for {
		k := p.key()
		p.skipSpaces()
		var v *yaml.Node
		if p.rest() == "" {
			p.endLine()
			if p.li >= len(p.lines) {
				p.fail() // empty value
			}
			switch l := p.lines[p.li]; {
			case l.indent > ind:
				v = p.blockNode(ind)
			case l.indent == ind && p.isDash():
				v = p.sequence(ind) // a sequence not indented under its key
			default:
				p.fail() // empty value
			}
		} else {
			v = p.value(ind)
		}
		p.stack = append(p.stack, k, v)
		if p.li >= len(p.lines) {
			return m
		}
		l := p.lines[p.li]
		switch {
		case l.indent < ind:
			return m
		case l.indent > ind:
			p.fail()
		}
		if p.isDash() {
			p.fail() // "- a" after a key's value, at the key's column
		}
	}
}

// key reads a mapping key and its ":".
func (p *fastParser) key() *yaml.Node {
	r := p.rest()
	line, col := p.li+1, p.col+1
	var k *yaml.Node
	if r != "" && (r[0] == '"' || r[0] == '\'') {
		end := quotedEnd(r)
		if end < 0 {
			p.fail()
		}
		k = quotedNode(r[:end], p)
		p.col += end
	} else {
		end := plainKeyEnd(r)
		if end <= 0 {
			p.fail()
		}
		text := strings.TrimRight(r[:end], " ")
		if !plainStart(text) {
			p.fail()
		}
		k = p.plain(text)
		p.col += end
	}
	if p.col-(col-1) > 1000 {
		p.fail() // too long for a simple key
	}
	k.Line, k.Column = line, col
	if p.at(p.col) != ':' || (p.at(p.col+1) != ' ' && p.at(p.col+1) != 0) {
		p.fail()
	}
	p.col++
	return k
}

// sequence reads a block sequence whose dashes are at column ind, the
// first at the current position.
func (p *fastParser) sequence(ind int) *yaml.Node {
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.li + 1, Column: ind + 1})
	mark := len(p.stack)
	defer p.children(s, mark)
	for {
		p.col++ // the dash
		p.skipSpaces()
		var it *yaml.Node
		if p.rest() == "" {
			p.endLine()
			if p.li >= len(p.lines) || p.lines[p.li].indent <= ind {
				p.fail() // empty item
			}
		}
		it = p.blockNode(ind)
		p.stack = append(p.stack, it)
		if p.li >= len(p.lines) {
			return s
		}
		l := p.lines[p.li]
		switch {
		case l.indent < ind:
			return s
		case l.indent > ind:
			p.fail()
		}
		if !p.isDash() {
			return s // the parent mapping's next key, checked there
		}
	}
}

// value reads what follows "key: " on the line of a key at column ind.
func (p *fastParser) value(ind int) *yaml.Node {
	if p.isDash() {
		p.fail() // "key: - a" is not YAML
	}
	if p.keyAhead() {
		p.fail() // "a: b: c" is not YAML
	}
	return p.inline(ind)
}

// inline reads a scalar, a flow collection or a tag at the current
// position, which ends the line; a tag alone on its line tags the block
// collection below it, indented past ind.
func (p *fastParser) inline(ind int) *yaml.Node {
	line, col := p.li+1, p.col+1
	tag := ""
	if p.at(p.col) == '!' {
		tag = p.tag()
		p.skipSpaces()
		if p.rest() == "" {
			p.endLine()
			if p.li >= len(p.lines) {
				p.fail()
			}
			l := p.lines[p.li]
			var n *yaml.Node
			switch {
			case l.indent > ind && p.isDash():
				n = p.sequence(l.indent)
			case l.indent > ind && p.keyAhead():
				n = p.mapping(l.indent)
			default:
				p.fail()
			}
			n.Tag, n.Style, n.Line, n.Column = tag, yaml.TaggedStyle, line, col
			return n
		}
	}
	n := p.flowNode(false)
	if tag != "" {
		n.Tag = tag
		n.Style |= yaml.TaggedStyle
		n.Line, n.Column = line, col
	}
	p.endLine()
	return n
}

// tag reads a local tag such as !Ref; it must be followed by a space or
// the end of the line.
func (p *fastParser) tag() string {
	r := p.rest()
	i := 1
	for i < len(r) && isTagChar(r[i]) {
		i++
	}
	if i == 1 || (i < len(r) && r[i] != ' ') {
		p.fail()
	}
	p.col += i
	return r[:i]
}

func isTagChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '_' || c == '-' || c == '.'
}

// flowKey reads the key of a flow mapping entry: a plain or quoted
// scalar followed by ": ".
func (p *fastParser) flowKey() *yaml.Node {
	line, col := p.li+1, p.col+1
	r := p.rest()
	if r != "" && (r[0] == '"' || r[0] == '\'') {
		return p.flowNode(true)
	}
	end := plainKeyEnd(r)
	if end <= 0 {
		p.fail()
	}
	text := strings.TrimRight(r[:end], " ")
	if !plainStart(text) || strings.ContainsAny(text, ",[]{}") {
		p.fail()
	}
	k := p.plain(text)
	p.col += end
	k.Line, k.Column = line, col
	return k
}

// flowNode reads one node on the current line: a quoted or plain scalar,
// or a flow collection; inFlow means inside brackets, where ",", "]" and
// "}" end a plain scalar.
func (p *fastParser) flowNode(inFlow bool) *yaml.Node {
	line, col := p.li+1, p.col+1
	r := p.rest()
	if r == "" {
		p.fail()
	}
	var n *yaml.Node
	switch c := r[0]; c {
	case '!':
		if !inFlow {
			p.fail()
		}
		tag := p.tag()
		p.skipSpaces()
		n = p.flowNode(true)
		n.Tag = tag
		n.Style |= yaml.TaggedStyle
	case '[', '{':
		p.depth++
		if p.depth > maxFastDepth {
			p.fail()
		}
		n = p.flowCollection(c)
		p.depth--
	case '"', '\'':
		end := quotedEnd(r)
		if end < 0 {
			p.fail()
		}
		n = quotedNode(r[:end], p)
		p.col += end
		if inFlow {
			p.skipSpaces()
		}
	default:
		end := plainEnd(r, inFlow)
		text := strings.TrimRight(r[:end], " ")
		if text == "" || !plainStart(text) {
			p.fail()
		}
		n = p.plain(text)
		p.col += end
	}
	n.Line, n.Column = line, col
	return n
}

// plainStart reports a plain scalar whose first characters are not a YAML
// indicator; a "-" counts only before a letter or digit.
func plainStart(s string) bool {
	switch c := s[0]; c {
	case '-':
		return len(s) > 1 && (s[1] >= '0' && s[1] <= '9' || s[1] >= 'a' && s[1] <= 'z' || s[1] >= 'A' && s[1] <= 'Z')
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	return true
}

// plainEnd returns where a plain scalar at the start of r ends; it gives
// up (-1 made to fail later) at what the fast parser does not follow: a
// comment, or in flow context a ":" that would make a pair, or a bracket.
func plainEnd(r string, inFlow bool) int {
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case c == ' ' && i+1 < len(r) && r[i+1] == '#':
			return 0 // a comment
		case c == ':' && (i+1 == len(r) || r[i+1] == ' '):
			return 0 // a key where a value belongs
		case inFlow && (c == ',' || c == ']' || c == '}'):
			return i
		case inFlow && (c == '[' || c == '{' || c == ':' && strings.IndexByte(",[]{}", r[i+1]) >= 0):
			return 0
		}
	}
	return len(r)
}

// flowCollection reads [a, b] or {k: v} that closes on the same line.
func (p *fastParser) flowCollection(open byte) *yaml.Node {
	n := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle})
	mark := len(p.stack)
	defer p.children(n, mark)
	closer := byte(']')
	if open == '{' {
		n.Kind, n.Tag, closer = yaml.MappingNode, "!!map", '}'
	}
	p.col++
	p.skipSpaces()
	for {
		c := p.at(p.col)
		if c == closer {
			p.col++
			p.skipSpaces()
			return n
		}
		if c == 0 || c == ',' {
			p.fail()
		}
		if open == '{' {
			k := p.flowKey()
			if k.Kind != yaml.ScalarNode || k.Style&yaml.TaggedStyle != 0 || p.at(p.col) != ':' || p.at(p.col+1) != ' ' {
				p.fail()
			}
			p.col++
			p.skipSpaces()
			p.stack = append(p.stack, k)
		}
		v := p.flowNode(true)
		p.stack = append(p.stack, v)
		p.skipSpaces()
		switch p.at(p.col) {
		case ',':
			p.col++
			p.skipSpaces()
			if c := p.at(p.col); c == closer || c == 0 {
				p.fail() // a trailing comma
			}
		case closer:
		default:
			p.fail()
		}
	}
}

// quotedNode makes the scalar of a quoted text, quotes included.
func quotedNode(q string, p *fastParser) *yaml.Node {
	body := q[1 : len(q)-1]
	n := p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str"})
	if q[0] == '\'' {
		n.Style = yaml.SingleQuotedStyle
		n.Value = strings.ReplaceAll(body, "''", "'")
		return n
	}
	n.Style = yaml.DoubleQuotedStyle
	if strings.IndexByte(body, '\\') < 0 {
		n.Value = body
		return n
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(body) {
			p.fail()
		}
		switch body[i] {
		case '\\', '"', '/':
			b.WriteByte(body[i])
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'u':
			if i+4 >= len(body) {
				p.fail()
			}
			v, err := strconv.ParseUint(body[i+1:i+5], 16, 32)
			if err != nil || (v >= 0xd800 && v < 0xe000) {
				p.fail()
			}
			b.WriteRune(rune(v))
			i += 4
		default:
			p.fail()
		}
	}
	n.Value = b.String()
	return n
}

// plain makes a plain scalar with the tag the YAML package resolves for
// it.
func (p *fastParser) plain(text string) *yaml.Node {
	return p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: p.resolve(text), Value: text})
}

// resolve returns the tag of a plain scalar: !!str for a word that starts
// with a letter (unless short enough to be a boolean or null), !!int for
// small decimal integers, and otherwise what the YAML package says,
// remembered.
func (p *fastParser) resolve(s string) string {
	c := s[0]
	if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
		if len(s) > 5 {
			return "!!str"
		}
		for i := 0; i < len(s); i++ {
			if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				return "!!str"
			}
		}
	} else if c >= '1' && c <= '9' && len(s) < 16 && strings.Trim(s, "0123456789") == "" || s == "0" {
		return "!!int"
	}
	if t, ok := resolved.Load(s); ok {
		return t.(string)
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(s), &n); err != nil || len(n.Content) != 1 {
		p.fail()
	}
	v := n.Content[0]
	if v.Kind != yaml.ScalarNode || v.Value != s || v.Style != 0 {
		p.fail()
	}
	if len(s) <= 32 && resolvedCount.Add(1) <= maxResolved {
		resolved.Store(s, v.Tag)
	}
	return v.Tag
}

// resolved remembers the tags of up to maxResolved short plain scalars
// (numbers, mostly) across parses.
var (
	resolved      sync.Map
	resolvedCount atomic.Int64
)

const maxResolved = 10000
