package terraform

import (
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// This file writes a file's blocks as formatted HCL text directly. Building
// an hclwrite tree and running hclwrite.Format over its bytes (re-lexing
// them, then counting grapheme clusters token by token to align "=") was
// most of the cost of rendering. The writer here emits the very tokens the
// HCL lexer would read back from that output, then lays them out by the
// rules terraform fmt follows: one indent step of two spaces for each line
// that opens brackets, one space between tokens except where the rules say
// none, and the "=" of consecutive attribute lines aligned one space past
// the longest name. Whatever the writer cannot be sure to lex the same way
// (a name that is not an identifier, a number it cannot spell plainly)
// makes it give up, and writeFile falls back to hclwrite. The equality with
// hclwrite's output is tested over every golden file and random trees.

// htok is one token of the output: its HCL type and its text.
type htok struct {
	typ  hclsyntax.TokenType
	text string
}

// hclWriter collects the tokens of one file.
type hclWriter struct {
	toks []htok
	// bad is set when the output might lex differently from the tokens:
	// the caller must use hclwrite instead.
	bad bool
}

func (w *hclWriter) add(t hclsyntax.TokenType, s string) {
	w.toks = append(w.toks, htok{t, s})
}

func (w *hclWriter) newline() { w.add(hclsyntax.TokenNewline, "\n") }

// ident adds a name that must lex as one identifier.
func (w *hclWriter) ident(s string) {
	if !validIdent(s) {
		w.bad = true
	}
	w.add(hclsyntax.TokenIdent, s)
}

// quoted adds a string literal, escaped as hclwrite escapes it.
func (w *hclWriter) quoted(s string) {
	w.add(hclsyntax.TokenOQuote, `"`)
	if s != "" {
		w.add(hclsyntax.TokenQuotedLit, escapeLit(s))
	}
	w.add(hclsyntax.TokenCQuote, `"`)
}

// number adds a number the way hclwrite spells a cty number: the decimal
// expansion of its 64-bit-precision big.Float, a leading minus being a
// token of its own.
func (w *hclWriter) number(f *big.Float) {
	w.numberText(f.Text('f', -1))
}

func (w *hclWriter) numberText(s string) {
	if neg, ok := strings.CutPrefix(s, "-"); ok {
		w.add(hclsyntax.TokenMinus, "-")
		s = neg
	}
	if !plainDecimal(s) {
		w.bad = true
	}
	w.add(hclsyntax.TokenNumberLit, s)
}

// validIdent is hclsyntax.ValidIdentifier, which runs the lexer, with a
// fast answer for ASCII: a letter or underscore, then letters, digits,
// underscores and dashes.
func validIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return hclsyntax.ValidIdentifier(s)
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// plainDecimal reports digits with at most one inner dot: what lexes as a
// single number literal.
func plainDecimal(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' && !dot:
			dot = true
		case c < '0' || c > '9':
			return false
		}
	}
	return true
}

// file writes top-level blocks separated by blank lines, each after its
// comment.
func (w *hclWriter) file(blocks []*block) {
	for i, b := range blocks {
		if i > 0 {
			w.newline()
		}
		if b.comment != "" {
			for _, line := range strings.Split(strings.TrimSpace(b.comment), "\n") {
				if strings.ContainsAny(line, "\r") {
					w.bad = true
				}
				w.add(hclsyntax.TokenComment, strings.TrimRight("# "+line, " ")+"\n")
			}
		}
		w.ident(b.kind)
		for _, l := range b.labels {
			w.quoted(l)
		}
		w.body(b.body)
	}
}

// body writes "{", the items and "}" with their newlines. An attribute
// set twice is written where it was first set with the value set last, as
// hclwrite's SetAttributeRaw replaces it.
func (w *hclWriter) body(b *body) {
	w.add(hclsyntax.TokenOBrace, "{")
	w.newline()
	for i, it := range b.items {
		if it.blk != nil {
			w.ident(it.name)
			w.body(it.blk)
			continue
		}
		val, first := it.val, true
		for j, other := range b.items {
			if other.blk != nil || other.name != it.name || j == i {
				continue
			}
			if j < i {
				first = false
				break
			}
			val = other.val
		}
		if !first {
			continue
		}
		w.ident(it.name)
		w.add(hclsyntax.TokenEqual, "=")
		w.expr(val)
		w.newline()
	}
	w.add(hclsyntax.TokenCBrace, "}")
	w.newline()
}

// expr writes the tokens tokens(e) would give.
func (w *hclWriter) expr(e expr) {
	switch x := e.(type) {
	case eStr:
		w.quoted(string(x))
	case eRaw:
		s := string(x)
		switch s {
		case "true", "false", "null":
			w.add(hclsyntax.TokenIdent, s)
			return
		}
		if simpleInt(s) {
			w.numberText(s)
			return
		}
		if n, ok := new(big.Float).SetString(s); ok {
			w.number(n)
			return
		}
		w.quoted(s)
	case eTrav:
		w.ident(x.parts[0])
		for _, p := range x.parts[1:] {
			if i, err := strconv.Atoi(p); err == nil {
				w.add(hclsyntax.TokenOBrack, "[")
				w.numberText(strconv.Itoa(i))
				w.add(hclsyntax.TokenCBrack, "]")
				continue
			}
			w.add(hclsyntax.TokenDot, ".")
			w.ident(p)
		}
	case eTmpl:
		w.add(hclsyntax.TokenOQuote, `"`)
		for i, p := range x {
			if s, ok := p.(eStr); ok {
				if i+1 < len(x) && (strings.HasSuffix(string(s), "$") || strings.HasSuffix(string(s), "%")) {
					// "$" before "${" reads back as an escape.
					w.bad = true
				}
				if s != "" {
					w.add(hclsyntax.TokenQuotedLit, escapeLit(string(s)))
				}
				continue
			}
			w.add(hclsyntax.TokenTemplateInterp, "${")
			w.expr(p)
			w.add(hclsyntax.TokenTemplateSeqEnd, "}")
		}
		w.add(hclsyntax.TokenCQuote, `"`)
	case eTuple:
		w.add(hclsyntax.TokenOBrack, "[")
		if multiline(x) {
			w.newline()
			for _, it := range x {
				w.expr(it)
				w.add(hclsyntax.TokenComma, ",")
				w.newline()
			}
		} else {
			for i, it := range x {
				if i > 0 {
					w.add(hclsyntax.TokenComma, ",")
				}
				w.expr(it)
			}
		}
		w.add(hclsyntax.TokenCBrack, "]")
	case eObj:
		w.add(hclsyntax.TokenOBrace, "{")
		if len(x) > 0 {
			w.newline()
		}
		for _, kv := range x {
			if validIdent(kv.key) {
				w.add(hclsyntax.TokenIdent, kv.key)
			} else {
				w.quoted(kv.key)
			}
			w.add(hclsyntax.TokenEqual, "=")
			w.expr(kv.val)
			w.newline()
		}
		w.add(hclsyntax.TokenCBrace, "}")
	case eSrc:
		w.source(string(x))
	case eCall:
		w.ident(x.fn)
		w.add(hclsyntax.TokenOParen, "(")
		for i, a := range x.args {
			if i > 0 {
				w.add(hclsyntax.TokenComma, ",")
			}
			w.expr(a)
		}
		w.add(hclsyntax.TokenCParen, ")")
	default:
		w.add(hclsyntax.TokenIdent, "null")
	}
}

// source writes an expression given as HCL source with the HCL lexer's
// own tokens; source that does not parse is a string, as tokens() makes it.
func (w *hclWriter) source(src string) {
	if _, diags := hclwrite.ParseConfig([]byte("x = "+src+"\n"), "", hcl.InitialPos); diags.HasErrors() {
		w.quoted(src)
		return
	}
	toks, diags := hclsyntax.LexExpression([]byte(src), "", hcl.InitialPos)
	if diags.HasErrors() {
		w.bad = true
		return
	}
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenEOF:
			continue
		case hclsyntax.TokenNewline, hclsyntax.TokenComment, hclsyntax.TokenOHeredoc, hclsyntax.TokenCHeredoc, hclsyntax.TokenStringLit:
			// Multi-line source would need the lexer's line handling.
			w.bad = true
		}
		w.add(t.Type, string(t.Bytes))
	}
}

// simpleInt reports a decimal integer big.Float spells back unchanged: no
// leading zero or plus, and few enough digits for 64 bits of precision.
func simpleInt(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || len(d) > 15 || (d[0] == '0' && len(d) > 1) || (d == "0" && s != d) {
		return false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}

// escapeLit escapes a string for a quoted literal the way hclwrite does:
// backslash escapes for newline, carriage return, tab, quote and
// backslash, doubled "$" and "%" before "{", \u escapes for what is not
// printable, and invalid UTF-8 as the replacement character.
func escapeLit(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || ((c == '$' || c == '%') && i+1 < len(s) && s[i+1] == '{') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	// cty normalizes every string to NFC before hclwrite sees it.
	s = cty.NormalizeString(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '$', '%':
			b.WriteRune(r)
			if i+1 < len(s) && s[i+1] == '{' {
				b.WriteRune(r)
			}
		default:
			switch {
			case unicode.IsPrint(r):
				b.WriteRune(r)
			case r < 0x10000:
				b.WriteString(`\u`)
				b.WriteString(hex(uint32(r), 4))
			default:
				b.WriteString(`\U`)
				b.WriteString(hex(uint32(r), 8))
			}
		}
	}
	return b.String()
}

// hex is v in lowercase hex, zero-padded to n digits.
func hex(v uint32, n int) string {
	s := strconv.FormatUint(uint64(v), 16)
	return strings.Repeat("0", max(0, n-len(s))) + s
}

// hline is one output line cut into the cells terraform fmt aligns: lead
// (up to "="), assign (from "=" on, when the rest of the line closes every
// bracket it opens) and a trailing comment.
type hline struct {
	lead, assign, comment []htok
	// spaces before each token, parallel to the cells.
	sLead, sAssign, sComment []int
}

// format lays the tokens out and returns the text.
func (w *hclWriter) format() []byte {
	lines := splitLines(w.toks)
	indentLines(lines)
	for i := range lines {
		l := &lines[i]
		l.sLead = spaceCell(l.lead, l.sLead)
		l.sAssign = spaceCell(l.assign, nil)
		if len(l.assign) > 0 {
			l.sAssign[0] = 1
		}
		if len(l.comment) > 0 {
			l.sComment = []int{0}
		}
	}
	alignCells(lines)
	size := 0
	for _, t := range w.toks {
		size += len(t.text) + 1
	}
	out := make([]byte, 0, size+size/2)
	for _, l := range lines {
		out = writeCell(out, l.lead, l.sLead)
		out = writeCell(out, l.assign, l.sAssign)
		out = writeCell(out, l.comment, l.sComment)
	}
	return out
}

func writeCell(out []byte, toks []htok, spaces []int) []byte {
	for i, t := range toks {
		for n := spaces[i]; n > 0; n-- {
			out = append(out, ' ')
		}
		out = append(out, t.text...)
	}
	return out
}

// endsLine reports a token that ends its line: a newline, or a line
// comment, which holds its newline.
func endsLine(t htok) bool {
	return t.typ == hclsyntax.TokenNewline || (t.typ == hclsyntax.TokenComment && strings.HasSuffix(t.text, "\n"))
}

func splitLines(toks []htok) []hline {
	n := 1
	for _, t := range toks {
		if endsLine(t) {
			n++
		}
	}
	lines := make([]hline, 0, n)
	start := 0
	for i, t := range toks {
		if endsLine(t) {
			lines = append(lines, hline{lead: toks[start : i+1 : i+1]})
			start = i + 1
		}
	}
	if start < len(toks) {
		lines = append(lines, hline{lead: toks[start:len(toks):len(toks)]})
	}
	for i := range lines {
		l := &lines[i]
		if k := len(l.lead); k > 1 && l.lead[k-1].typ == hclsyntax.TokenComment {
			l.comment, l.lead = l.lead[k-1:], l.lead[:k-1]
		}
		for j := 1; j < len(l.lead); j++ {
			if l.lead[j].typ != hclsyntax.TokenEqual {
				continue
			}
			if netBrackets(l.lead[j:]) == 0 {
				l.assign, l.lead = l.lead[j:], l.lead[:j]
			}
			break
		}
		l.sLead = make([]int, len(l.lead))
	}
	return lines
}

// bracket is +1 for a token that opens a bracket (an interpolation
// counts), -1 for one that closes it.
func bracket(t hclsyntax.TokenType) int {
	switch t {
	case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenTemplateControl, hclsyntax.TokenTemplateInterp:
		return 1
	case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenTemplateSeqEnd:
		return -1
	}
	return 0
}

func netBrackets(toks []htok) int {
	n := 0
	for _, t := range toks {
		n += bracket(t.typ)
	}
	return n
}

// indentLines sets the leading spaces of each line: a line that opens
// more brackets than it closes is written at the current depth and
// deepens the lines after it by one step; one that closes more steps back
// out past each opening line whose brackets it closes.
func indentLines(lines []hline) {
	var open []int // per indent step, brackets still open
	for i := range lines {
		l := &lines[i]
		if len(l.lead) == 0 || l.lead[0].typ == hclsyntax.TokenNewline {
			continue
		}
		net := 0
		for _, t := range l.lead {
			net += bracket(t.typ)
			if t.typ == hclsyntax.TokenOHeredoc {
				break
			}
		}
		net += netBrackets(l.assign)
		if net < 0 {
			for closing := -net; closing > 0 && len(open) > 0; {
				top := &open[len(open)-1]
				if closing < *top {
					*top -= closing
					break
				}
				closing -= *top
				open = open[:len(open)-1]
			}
		}
		l.sLead[0] = 2 * len(open)
		if net > 0 {
			open = append(open, net)
		}
	}
}

// spaceCell sets the spaces between the tokens of one cell, leaving the
// first token's.
func spaceCell(toks []htok, spaces []int) []int {
	if spaces == nil {
		spaces = make([]int, len(toks))
	}
	prev := hclsyntax.TokenNil
	for i := 0; i+1 < len(toks); i++ {
		if spaced(toks[i], prev, toks[i+1].typ) {
			spaces[i+1] = 1
		} else {
			spaces[i+1] = 0
		}
		prev = toks[i].typ
	}
	return spaces
}

// spaced reports whether terraform fmt puts a space between t and the
// token of type next, t coming after a token of type prev (TokenNil at the
// start of a cell).
func spaced(t htok, prev, next hclsyntax.TokenType) bool {
	s := t.typ
	switch {
	case next == hclsyntax.TokenNewline || next == hclsyntax.TokenNil:
		return false
	case s == hclsyntax.TokenIdent && next == hclsyntax.TokenOParen:
		return false // f(x)
	case s == hclsyntax.TokenIdent && next == hclsyntax.TokenDoubleColon, s == hclsyntax.TokenDoubleColon && next == hclsyntax.TokenIdent:
		return false // provider::ns::f
	case s == hclsyntax.TokenDot || next == hclsyntax.TokenDot:
		return false // a.b
	case next == hclsyntax.TokenComma || next == hclsyntax.TokenEllipsis:
		return false
	case s == hclsyntax.TokenComma:
		return true
	case literalEdge(s, next):
		return false // inside a template
	case s == hclsyntax.TokenIdent && t.text == "in" && prev == hclsyntax.TokenIdent:
		return true // for x in [a]
	case next == hclsyntax.TokenOBrack && (s == hclsyntax.TokenIdent || s == hclsyntax.TokenNumberLit || bracket(s) < 0):
		return false // a[0], f(x)[0]
	case s == hclsyntax.TokenBang:
		return false
	case s == hclsyntax.TokenMinus:
		return !negationFollows(prev)
	case s == hclsyntax.TokenOBrace || next == hclsyntax.TokenCBrace:
		return !(s == hclsyntax.TokenOBrace && next == hclsyntax.TokenCBrace) // { a = b }, but {}
	case (s == hclsyntax.TokenTemplateInterp || s == hclsyntax.TokenTemplateControl) && next == hclsyntax.TokenOBrace:
		return true
	case s == hclsyntax.TokenCBrace && next == hclsyntax.TokenTemplateSeqEnd:
		return true
	case s == hclsyntax.TokenTemplateSeqEnd && (next == hclsyntax.TokenTemplateInterp || next == hclsyntax.TokenTemplateControl):
		return false
	case bracket(s) > 0 || bracket(next) < 0:
		return false // (a), [a]
	}
	return true
}

// literalEdge reports a token pair at the edge of string literal text,
// where spaces would change the string.
func literalEdge(s, next hclsyntax.TokenType) bool {
	switch s {
	case hclsyntax.TokenQuotedLit, hclsyntax.TokenStringLit, hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc:
		return true
	}
	switch next {
	case hclsyntax.TokenQuotedLit, hclsyntax.TokenStringLit, hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
		return true
	}
	return false
}

// negationFollows reports whether a minus after a token of type prev is a
// sign rather than a subtraction: prev cannot end an operand.
func negationFollows(prev hclsyntax.TokenType) bool {
	switch prev {
	case hclsyntax.TokenNil,
		hclsyntax.TokenOParen, hclsyntax.TokenOBrace, hclsyntax.TokenOBrack,
		hclsyntax.TokenEqual, hclsyntax.TokenColon, hclsyntax.TokenComma, hclsyntax.TokenQuestion,
		hclsyntax.TokenPlus, hclsyntax.TokenStar, hclsyntax.TokenSlash, hclsyntax.TokenPercent, hclsyntax.TokenMinus,
		hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual,
		hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq, hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq,
		hclsyntax.TokenAnd, hclsyntax.TokenOr, hclsyntax.TokenBang:
		return true
	}
	return false
}

// alignCells lines up the "=" of each run of consecutive lines that have
// an assign cell one column past the longest lead of the run, then does
// the same for trailing comments after the lead and assign.
func alignCells(lines []hline) {
	run := func(has func(*hline) bool, width func(*hline) int, set func(*hline, int)) {
		for i := 0; i < len(lines); {
			if !has(&lines[i]) {
				i++
				continue
			}
			j, widest := i, 0
			for ; j < len(lines) && has(&lines[j]); j++ {
				widest = max(widest, width(&lines[j]))
			}
			for k := i; k < j; k++ {
				set(&lines[k], widest-width(&lines[k])+1)
			}
			i = j
		}
	}
	run(func(l *hline) bool { return l.assign != nil },
		func(l *hline) int { return columns(l.lead, l.sLead) },
		func(l *hline, n int) { l.sAssign[0] = n })
	run(func(l *hline) bool { return l.comment != nil },
		func(l *hline) int { return columns(l.lead, l.sLead) + columns(l.assign, l.sAssign) },
		func(l *hline, n int) { l.sComment[0] = n })
}

// columns is the width of a cell on screen: its spaces plus the grapheme
// clusters of its text.
func columns(toks []htok, spaces []int) int {
	n := 0
	for i, t := range toks {
		n += spaces[i] + textWidth(t.text)
	}
	return n
}

func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '\r' {
			return hclwrite.Tokens{{Bytes: []byte(s)}}.Columns()
		}
	}
	return len(s)
}
