package detect

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// pattern is a regular expression compiled on first use. Detectors hold
// over a hundred of them; compiling all at start-up cost every hoist
// command several milliseconds, even those that never analyze a repository.
//
// Its byte-slice search methods are faster than the expression's own for
// patterns that the regexp package cannot skip ahead in: those that start
// with an assertion (`\bprocess\.env\.`) or with one of several literals
// (`\b(?:client|resource)\(`). For them the pattern looks for its starting
// literals with bytes.Index and matches only where one occurs: by hand
// when it can (see linear), else with an anchored copy of the expression.
// The matches are the same as the expression's.
type pattern struct {
	src string

	once sync.Once
	re   *regexp.Regexp

	searchOnce sync.Once
	// starts: when not empty, every match begins with one of these
	// literals, and the regexp package has no literal prefix to skip to.
	starts []startLit
	// ctx: the anchored match needs the byte before it as context (for
	// leading assertions such as \b or (?m)^). Else tail is the expression
	// without its leading word boundaries (boundary: there were some,
	// checked by hand), and lin matches it by hand when it can.
	ctx      bool
	tail     string
	boundary bool
	lin      *linear

	atOnce sync.Once
	// at matches the expression (or tail) anchored at the start of its
	// input; atCtx matches it after exactly one leading character.
	at, atCtx *regexp.Regexp

	hintsOnce sync.Once
	hints     []string // see computeHints
}

// newPattern returns a pattern for src; src must be a valid expression
// (it panics on first use otherwise, like regexp.MustCompile).
func newPattern(src string) *pattern { return &pattern{src: src} }

func (p *pattern) get() *regexp.Regexp {
	p.once.Do(func() { p.re = regexp.MustCompile(p.src) })
	return p.re
}

// search reports whether the pattern takes the start-literal search.
func (p *pattern) search() bool {
	p.searchOnce.Do(p.initSearch)
	return p.starts != nil
}

func (p *pattern) initSearch() {
	parsed, err := syntax.Parse(p.src, syntax.Perl)
	if err != nil || literalFirst(parsed) {
		return // invalid (get panics), or the regexp package skips to its prefix
	}
	starts, ok := startLiterals(parsed)
	if !ok || len(starts) == 0 || len(starts) > maxStarts {
		return
	}
	p.starts = starts
	// The common form, word boundaries then a literal: the boundary is
	// checked by hand and the rest needs no context, since everything
	// after the literal sees only the match itself before it.
	if parsed.Op == syntax.OpConcat {
		k := 0
		for k < len(parsed.Sub) && parsed.Sub[k].Op == syntax.OpWordBoundary {
			k++
		}
		// The tail's source is the pattern's after its leading \b's
		// (syntax.Regexp.String would cost more than the rest together).
		lead := strings.Repeat(`\b`, k)
		if k < len(parsed.Sub) && parsed.Sub[k].Op == syntax.OpLiteral && parsed.Sub[k].Flags&syntax.FoldCase == 0 &&
			strings.HasPrefix(p.src, lead) && !strings.HasPrefix(p.src[len(lead):], `\b`) {
			rest := &syntax.Regexp{Op: syntax.OpConcat, Flags: parsed.Flags, Sub: parsed.Sub[k:]}
			p.tail, p.boundary = p.src[len(lead):], k > 0
			p.lin = compileLinear(rest, parsed.MaxCap())
			return
		}
	}
	p.ctx = true
}

// literalFirst reports whether every match of re starts with one literal
// (case-sensitive), so that the regexp package has a prefix to skip to.
func literalFirst(re *syntax.Regexp) bool {
	for {
		switch re.Op {
		case syntax.OpConcat, syntax.OpCapture:
			if len(re.Sub) == 0 {
				return false
			}
			re = re.Sub[0]
		case syntax.OpLiteral:
			return re.Flags&syntax.FoldCase == 0
		default:
			return false
		}
	}
}

// compileAt compiles the anchored expressions matchAt needs.
func (p *pattern) compileAt() {
	if !p.ctx {
		p.at = regexp.MustCompile(`^(?:` + p.tail + `)`)
		return
	}
	p.at = regexp.MustCompile(`^(?:` + p.src + `)`)
	p.atCtx = regexp.MustCompile(`^(?s:.)(?:` + p.src + `)`)
}

// isWordByte is syntax.IsWordChar for the byte starting a character: a
// byte of a multi-byte character is never a word character.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// maxStarts bounds the literals searched for; beyond it a plain scan wins.
const maxStarts = 8

// startLit is a literal a match may start with; fold: in any mixing of
// ASCII upper and lower case.
type startLit struct {
	s    string
	fold bool
}

// index returns the first offset of the literal in b, or -1.
func (l startLit) index(b []byte) int {
	if !l.fold {
		return bytes.Index(b, []byte(l.s))
	}
	lo, up := lowerASCII(l.s[0]), upperASCII(l.s[0])
	for i := 0; i+len(l.s) <= len(b); {
		j := bytes.IndexByte(b[i:], lo)
		if lo != up {
			if k := bytes.IndexByte(b[i:], up); k >= 0 && (j < 0 || k < j) {
				j = k
			}
		}
		if j < 0 || i+j+len(l.s) > len(b) {
			return -1
		}
		if equalFoldASCII(b[i+j:i+j+len(l.s)], l.s) {
			return i + j
		}
		i += j + 1
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func equalFoldASCII(b []byte, s string) bool {
	for i := range len(s) {
		if lowerASCII(b[i]) != lowerASCII(s[i]) {
			return false
		}
	}
	return true
}

// asciiFoldOnly reports whether every rune of s is ASCII and case-folds
// only to ASCII: not k or s, which (?i) also matches to the Kelvin sign
// and the long s.
func asciiFoldOnly(s []rune) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			return false
		}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f >= utf8.RuneSelf {
				return false
			}
		}
	}
	return true
}

// startLiterals returns literals one of which every match of re starts
// with, ignoring the empty-width assertions before them; ok is false when
// there is no such set (a match may start with anything, or be empty).
func startLiterals(re *syntax.Regexp) (lits []startLit, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, false
		}
		if re.Flags&syntax.FoldCase != 0 {
			if !asciiFoldOnly(re.Rune) {
				return nil, false
			}
			return []startLit{{s: string(re.Rune), fold: true}}, true
		}
		return []startLit{{s: string(re.Rune)}}, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > 4 {
				return nil, false
			}
		}
		for i := 0; i < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if !utf8.ValidRune(r) {
					return nil, false
				}
				lits = append(lits, startLit{s: string(r)})
			}
		}
		return lits, len(lits) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return startLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false
		}
		return startLiterals(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			switch sub.Op {
			case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
				syntax.OpWordBoundary, syntax.OpNoWordBoundary:
				continue // empty-width: the match starts at what follows
			}
			return startLiterals(sub)
		}
		return nil, false
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			l, ok := startLiterals(sub)
			if !ok {
				return nil, false
			}
			lits = append(lits, l...)
		}
		return lits, true
	}
	return nil, false
}

// matchAt returns the submatch indices of the match starting exactly at
// offset i of b, or nil; scratch may hold them.
func (p *pattern) matchAt(b []byte, i int, scratch []int) []int {
	if !p.ctx {
		if p.boundary && (i > 0 && isWordByte(b[i-1])) == isWordByte(b[i]) {
			return nil
		}
		if p.lin != nil {
			return p.lin.match(b, i, scratch)
		}
		p.atOnce.Do(p.compileAt)
		m := p.at.FindSubmatchIndex(b[i:])
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		return m
	}
	p.atOnce.Do(p.compileAt)
	if i == 0 {
		return p.at.FindSubmatchIndex(b)
	}
	m := p.atCtx.FindSubmatchIndex(b[i-1:])
	if m == nil {
		return nil
	}
	if m[0] != 0 || m[1] < 1 {
		return nil // cannot happen: (?s:.) takes the one byte before i
	}
	m[0] = 1
	for k := range m {
		if m[k] >= 0 {
			m[k] += i - 1
		}
	}
	return m
}

// findAll returns up to n (all when n < 0) leftmost non-overlapping
// matches, like regexp's FindAllSubmatchIndex.
func (p *pattern) findAll(b []byte, n int) [][]int {
	var out [][]int
	p.each(b, n, func(m []int) { out = append(out, append([]int(nil), m...)) })
	return out
}

// each calls fn with the submatch indices of up to n (all when n < 0)
// leftmost non-overlapping matches, in order; m is valid only during the
// call. Every match starts at an occurrence of a start literal, so only
// those offsets are tried, in order.
func (p *pattern) each(b []byte, n int, fn func(m []int)) {
	if n == 0 {
		return
	}
	var buf [maxStarts]int
	next := buf[:len(p.starts)] // next occurrence of each literal at or after pos; -1: none
	for k := range next {
		next[k] = -2 // not searched yet
	}
	var scratch []int // reused by matchAt from the second match on
	found := 0
	pos := 0
	for pos <= len(b) {
		at := -1
		for k, lit := range p.starts {
			if next[k] == -1 {
				continue
			}
			if next[k] < pos {
				j := lit.index(b[pos:])
				if j < 0 {
					next[k] = -1
					continue
				}
				next[k] = pos + j
			}
			if at < 0 || next[k] < at {
				at = next[k]
			}
		}
		if at < 0 {
			return
		}
		m := p.matchAt(b, at, scratch)
		if m == nil {
			pos = at + 1
			continue
		}
		scratch = m
		fn(m)
		if found++; n > 0 && found >= n {
			return
		}
		if m[1] > at {
			pos = m[1]
		} else {
			pos = at + 1
		}
	}
}

// eachMatch is each for any pattern: through the regexp package when the
// pattern does not take the start-literal search.
func (p *pattern) eachMatch(b []byte, fn func(m []int)) {
	if !p.search() {
		for _, m := range p.get().FindAllSubmatchIndex(b, -1) {
			fn(m)
		}
		return
	}
	p.each(b, -1, fn)
}

// computeHints returns literals one of which every match of src contains:
// the literal prefix of the pattern once leading \b assertions are dropped
// (dropping an assertion only widens what matches, so the prefix stays
// necessary). For a case-insensitive pattern ((?i) first) it returns the
// prefix in lower, upper and title case, the spellings code uses; a match
// in another mixing of cases ("pORT") is not looked for. Empty when the
// pattern has no literal prefix.
func computeHints(src string) []string {
	fold := strings.HasPrefix(src, "(?i)")
	src = strings.TrimPrefix(src, "(?i)")
	for strings.HasPrefix(src, `\b`) {
		src = src[2:]
	}
	r, err := regexp.Compile(src)
	if err != nil {
		return nil
	}
	h, _ := r.LiteralPrefix()
	if h == "" {
		return nil
	}
	if fold {
		lower := strings.ToLower(h)
		return []string{lower, strings.ToUpper(h), strings.ToUpper(lower[:1]) + lower[1:]}
	}
	return []string{h}
}

// literalHints returns the pattern's hints (see computeHints).
func literalHints(p *pattern) []string {
	p.hintsOnce.Do(func() { p.hints = computeHints(p.src) })
	return p.hints
}

// The methods detectors use, delegated to the compiled expression; those
// on byte slices take the start-literal path when the pattern has one.

func (p *pattern) String() string { return p.src }

func (p *pattern) Match(b []byte) bool { return p.FindIndex(b) != nil }

func (p *pattern) FindIndex(b []byte) []int {
	if !p.search() {
		return p.get().FindIndex(b)
	}
	if ms := p.findAll(b, 1); len(ms) > 0 {
		return ms[0][:2:2]
	}
	return nil
}

func (p *pattern) FindSubmatchIndex(b []byte) []int {
	if !p.search() {
		return p.get().FindSubmatchIndex(b)
	}
	if ms := p.findAll(b, 1); len(ms) > 0 {
		return ms[0]
	}
	return nil
}

func (p *pattern) FindSubmatch(b []byte) [][]byte {
	if !p.search() {
		return p.get().FindSubmatch(b)
	}
	return submatches(b, p.FindSubmatchIndex(b))
}

func (p *pattern) FindAllSubmatchIndex(b []byte, n int) [][]int {
	if !p.search() {
		return p.get().FindAllSubmatchIndex(b, n)
	}
	return p.findAll(b, n)
}

func (p *pattern) FindAllIndex(b []byte, n int) [][]int {
	if !p.search() {
		return p.get().FindAllIndex(b, n)
	}
	ms := p.findAll(b, n)
	for i, m := range ms {
		ms[i] = m[:2:2]
	}
	return ms
}

func (p *pattern) FindAllSubmatch(b []byte, n int) [][][]byte {
	if !p.search() {
		return p.get().FindAllSubmatch(b, n)
	}
	var out [][][]byte
	for _, m := range p.findAll(b, n) {
		out = append(out, submatches(b, m))
	}
	return out
}

// submatches slices b by submatch indices, as regexp's FindSubmatch does
// (capacity capped at each slice's end).
func submatches(b []byte, m []int) [][]byte {
	if m == nil {
		return nil
	}
	out := make([][]byte, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = b[m[2*i]:m[2*i+1]:m[2*i+1]]
		}
	}
	return out
}

func (p *pattern) MatchString(s string) bool              { return p.get().MatchString(s) }
func (p *pattern) FindStringSubmatch(s string) []string   { return p.get().FindStringSubmatch(s) }
func (p *pattern) FindString(s string) string             { return p.get().FindString(s) }
func (p *pattern) FindStringIndex(s string) []int         { return p.get().FindStringIndex(s) }
func (p *pattern) FindAllString(s string, n int) []string { return p.get().FindAllString(s, n) }
func (p *pattern) FindAllStringSubmatch(s string, n int) [][]string {
	return p.get().FindAllStringSubmatch(s, n)
}
func (p *pattern) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return p.get().FindAllStringSubmatchIndex(s, n)
}
func (p *pattern) ReplaceAllString(src, repl string) string {
	return p.get().ReplaceAllString(src, repl)
}
func (p *pattern) ReplaceAll(src, repl []byte) []byte { return p.get().ReplaceAll(src, repl) }
func (p *pattern) Split(s string, n int) []string     { return p.get().Split(s, n) }
func (p *pattern) SubexpNames() []string              { return p.get().SubexpNames() }
func (p *pattern) SubexpIndex(name string) int        { return p.get().SubexpIndex(name) }

func (p *pattern) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return p.get().ReplaceAllStringFunc(src, repl)
}
