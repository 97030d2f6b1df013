package detect

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
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
// literals with bytes.Index and runs an anchored copy of the expression
// only where one occurs (see starts); the matches are the same.
type pattern struct {
	src  string
	once sync.Once
	re   *regexp.Regexp

	// hints: literals one of which every match contains (literalHints).
	hints []string
	// starts: when not empty, every match begins with one of these
	// literals, and the regexp package has no literal prefix to skip to.
	starts []string
	// at matches the expression anchored at the start of its input; atCtx
	// likewise after exactly one leading character, which gives leading
	// assertions (\b, (?m)^) the byte before the match as context.
	at, atCtx *regexp.Regexp
}

// newPattern returns a pattern for src; src must be a valid expression
// (it panics on first use otherwise, like regexp.MustCompile).
func newPattern(src string) *pattern { return &pattern{src: src} }

func (p *pattern) get() *regexp.Regexp {
	p.once.Do(p.compile)
	return p.re
}

func (p *pattern) compile() {
	p.re = regexp.MustCompile(p.src)
	p.hints = computeHints(p.src)
	if prefix, _ := p.re.LiteralPrefix(); prefix != "" {
		return // the regexp package skips to the prefix itself
	}
	parsed, err := syntax.Parse(p.src, syntax.Perl)
	if err != nil {
		return
	}
	starts, ok := startLiterals(parsed)
	if !ok || len(starts) == 0 || len(starts) > maxStarts {
		return
	}
	p.starts = starts
	p.at = regexp.MustCompile(`^(?:` + p.src + `)`)
	p.atCtx = regexp.MustCompile(`^(?s:.)(?:` + p.src + `)`)
}

// maxStarts bounds the literals searched for; beyond it a plain scan wins.
const maxStarts = 8

// startLiterals returns literals one of which every match of re starts
// with, ignoring the empty-width assertions before them; ok is false when
// there is no such set (a match may start with anything, or be empty).
func startLiterals(re *syntax.Regexp) (lits []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
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
				lits = append(lits, string(r))
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
// offset i of b, or nil.
func (p *pattern) matchAt(b []byte, i int) []int {
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
// matches, like regexp's FindAllSubmatchIndex. Every match starts at an
// occurrence of a start literal, so only those offsets are tried, in order.
func (p *pattern) findAll(b []byte, n int) [][]int {
	if n == 0 {
		return nil
	}
	next := make([]int, len(p.starts)) // next occurrence of each literal at or after pos; -1: none
	for k := range next {
		next[k] = -2 // not searched yet
	}
	var out [][]int
	pos := 0
	for pos <= len(b) {
		at := -1
		for k, lit := range p.starts {
			if next[k] == -1 {
				continue
			}
			if next[k] < pos {
				j := bytes.Index(b[pos:], []byte(lit))
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
			break
		}
		m := p.matchAt(b, at)
		if m == nil {
			pos = at + 1
			continue
		}
		out = append(out, m)
		if n > 0 && len(out) >= n {
			break
		}
		if m[1] > at {
			pos = m[1]
		} else {
			pos = at + 1
		}
	}
	return out
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
	p.get()
	return p.hints
}

// The methods detectors use, delegated to the compiled expression; those
// on byte slices take the start-literal path when the pattern has one.

func (p *pattern) String() string { return p.src }

func (p *pattern) Match(b []byte) bool { return p.FindIndex(b) != nil }

func (p *pattern) FindIndex(b []byte) []int {
	if re := p.get(); p.starts == nil {
		return re.FindIndex(b)
	}
	if ms := p.findAll(b, 1); len(ms) > 0 {
		return ms[0][:2:2]
	}
	return nil
}

func (p *pattern) FindSubmatchIndex(b []byte) []int {
	if re := p.get(); p.starts == nil {
		return re.FindSubmatchIndex(b)
	}
	if ms := p.findAll(b, 1); len(ms) > 0 {
		return ms[0]
	}
	return nil
}

func (p *pattern) FindSubmatch(b []byte) [][]byte {
	if re := p.get(); p.starts == nil {
		return re.FindSubmatch(b)
	}
	return submatches(b, p.FindSubmatchIndex(b))
}

func (p *pattern) FindAllSubmatchIndex(b []byte, n int) [][]int {
	if re := p.get(); p.starts == nil {
		return re.FindAllSubmatchIndex(b, n)
	}
	return p.findAll(b, n)
}

func (p *pattern) FindAllIndex(b []byte, n int) [][]int {
	if re := p.get(); p.starts == nil {
		return re.FindAllIndex(b, n)
	}
	ms := p.findAll(b, n)
	for i, m := range ms {
		ms[i] = m[:2:2]
	}
	return ms
}

func (p *pattern) FindAllSubmatch(b []byte, n int) [][][]byte {
	if re := p.get(); p.starts == nil {
		return re.FindAllSubmatch(b, n)
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
