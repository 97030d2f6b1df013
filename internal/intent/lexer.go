package intent

import (
	"regexp"
	"strconv"
	"strings"
)

// A lexeme is a token or a run of tokens that the lexicon read as one
// unit, with its meaning. Value-shaped tokens (numbers, dotted words,
// paths) get categories of their own here.
type lexeme struct {
	sense
	text     string // the description's text of the whole lexeme
	norm     string // normalized words, space-separated
	pos, end int    // byte offsets in the description
	num      float64
	isNum    bool
	// corrected is the word a misspelling was read as, or "", and typo
	// the misspelling as written.
	corrected, typo string
	// used is set when the interpreter has given the lexeme a meaning.
	used bool
	// blocked is set when a safety rule took the lexeme out of
	// interpretation.
	blocked bool
	// refused is set on every lexeme a refusal quoted: the refusal is
	// its report, so it is never reported again as unrecognized.
	refused bool
	// prevNorm is the norm of the lexeme before, within the clause.
	prevNorm string
	// literal is the raw text for values (names, paths, quoted text).
	literal string
}

// Value categories that only the lexer produces.
const (
	cNumber   cat = 100 + iota // 16, 0.5, two
	cDomain                    // app.example.com
	cSizeCls                   // db.r6g.large, t4g.small, cache.m7g.large
	cRegionID                  // us-east-1
	cPath                      // /healthz
	cEnvName                   // STRIPE_KEY
	cQuoted                    // "orders"
	cVersion                   // 3.12.1, v16
	cBreak                     // end of a clause
	cCIDR                      // 0.0.0.0/0
)

var (
	regionRE    = regexp.MustCompile(`^(us|eu|ap|sa|ca|me|af|il|mx|cn)(-gov|-iso|-isob)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-[1-9]$`)
	sizeClassRE = regexp.MustCompile(`^((db|cache)\.)?[a-z][0-9][a-z0-9]*\.(nano|micro|small|medium|large|[0-9]*xlarge)$`)
	hostRE      = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$`)
	envNameRE   = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$`)
	versionRE   = regexp.MustCompile(`^v?[0-9]+(\.[0-9]+){0,2}$`)
	cidrRE      = regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{1,3}){3}/[0-9]{1,2}$`)
)

// fileExts are the endings of dotted words that are file names, not hosts.
var fileExts = []string{"html", "htm", "js", "ts", "py", "json", "yaml", "yml", "go", "rb", "txt", "md", "zip", "jar", "war", "toml", "lock", "sh", "css", "php", "java", "rs", "cs", "tsx", "jsx", "xml", "csv", "env", "ini", "conf", "cfg", "exe"}

// lexify turns tokens into lexemes: the longest lexicon phrase at each
// point, value shapes, and misspellings corrected against the vocabulary.
func lexify(toks []Token) []lexeme {
	var out []lexeme
	corrected := map[int]string{}
	fixes := map[string]string{} // a word's correction, computed once
	for i, t := range toks {
		if t.Kind == TokWord && len(t.Norm) >= 5 && isLetters(strings.ReplaceAll(t.Norm, "-", "")) {
			fix, ok := fixes[t.Norm]
			if !ok {
				fix = correct(t.Norm)
				fixes[t.Norm] = fix
			}
			if fix != "" {
				corrected[i] = t.Text
				toks[i].Norm = fix
			}
		}
	}
	for i := 0; i < len(toks); {
		t := toks[i]
		switch t.Kind {
		case TokBreak:
			out = append(out, lexeme{sense: sense{cat: cBreak}, text: t.Text, norm: ".", pos: t.Pos, end: t.End})
			i++
			continue
		case TokPath:
			out = append(out, lexeme{sense: sense{cat: cPath}, text: t.Text, norm: t.Norm, pos: t.Pos, end: t.End, literal: t.Text})
			i++
			continue
		case TokQuoted:
			out = append(out, lexeme{sense: sense{cat: cQuoted}, text: t.Text, norm: t.Norm, pos: t.Pos, end: t.End, literal: t.Text})
			i++
			continue
		}
		if n, s := lookup(toks, i); n > 0 {
			out = append(out, lexeme{sense: s, text: spanText(toks, i, n), norm: spanNorm(toks, i, n), pos: toks[i].Pos, end: toks[i+n-1].End})
			for k := i; k < i+n; k++ {
				if _, ok := corrected[k]; ok {
					out[len(out)-1].corrected = toks[k].Norm
					out[len(out)-1].typo = corrected[k]
				}
			}
			if s.cat == cNumWord {
				f, _ := strconv.ParseFloat(s.val, 64)
				out[len(out)-1].num, out[len(out)-1].isNum = f, true
			}
			i += n
			continue
		}
		out = append(out, classify(t))
		i++
	}
	return out
}

// lookup returns the length in tokens and the sense of the longest
// lexicon phrase starting at toks[i], or 0.
func lookup(toks []Token, i int) (int, sense) {
	first := wordForm(toks[i])
	if first == "" {
		return 0, sense{}
	}
	for _, cand := range []string{first, singular(first)} {
		if cand == "" {
			continue
		}
		for _, e := range lex.byFirst[cand] {
			n := len(e.words)
			if i+n > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < n; k++ {
				w := wordForm(toks[i+k])
				if w != e.words[k] && singular(w) != e.words[k] {
					ok = false
					break
				}
			}
			if ok {
				return n, e.sense
			}
		}
	}
	return 0, sense{}
}

// wordForm is what a token looks like to the lexicon: its normalized text
// without a possessive 's.
func wordForm(t Token) string {
	switch t.Kind {
	case TokWord, TokDotted, TokPunct:
		return strings.TrimSuffix(strings.TrimSuffix(t.Norm, "'s"), "s'")
	}
	return ""
}

// singular strips a plural ending, or returns "".
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "sses")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return ""
}

func spanText(toks []Token, i, n int) string {
	if n == 1 {
		return toks[i].Text
	}
	var b strings.Builder
	for k := i; k < i+n; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
	}
	return b.String()
}

func spanNorm(toks []Token, i, n int) string {
	if n == 1 {
		return toks[i].Norm
	}
	parts := make([]string, n)
	for k := range parts {
		parts[k] = toks[i+k].Norm
	}
	return strings.Join(parts, " ")
}

// classify gives a token that is no lexicon phrase its value category, or
// corrects a misspelling, or leaves it unknown.
func classify(t Token) lexeme {
	l := lexeme{text: t.Text, norm: t.Norm, pos: t.Pos, end: t.End, literal: t.Text}
	n := t.Norm
	switch {
	case t.Kind == TokNumber:
		f, err := strconv.ParseFloat(n, 64)
		if err == nil {
			l.cat, l.num, l.isNum = cNumber, f, true
			return l
		}
	case t.Kind == TokPunct:
		l.cat = cStop
		return l
	case cidrRE.MatchString(n):
		l.cat = cCIDR
		return l
	case regionRE.MatchString(n):
		l.cat = cRegionID
		return l
	case sizeClassRE.MatchString(n):
		l.cat = cSizeCls
		return l
	case envNameRE.MatchString(t.Text):
		l.cat = cEnvName
		return l
	case versionRE.MatchString(n):
		l.cat = cVersion
		l.literal = strings.TrimPrefix(n, "v")
		return l
	case t.Kind == TokDotted && hostRE.MatchString(n) && !hasFileExt(n):
		l.cat = cDomain
		return l
	}
	l.cat = cUnknown
	return l
}

func hasFileExt(host string) bool {
	ext := host[strings.LastIndexByte(host, '.')+1:]
	for _, e := range fileExts {
		if ext == e {
			return true
		}
	}
	return false
}

// correct returns the vocabulary word w is most plausibly a misspelling
// of: within one edit for words of 5-7 letters, two for longer words, the
// first such word in lexicon order; or "".
func correct(w string) string {
	if lex.words[w] {
		return ""
	}
	if s := singular(w); s != "" {
		if _, ok := lex.byFirst[s]; ok {
			return ""
		}
	}
	limit := 1
	if len(w) >= 8 {
		limit = 2
	}
	best, bestD := "", limit+1
	for _, v := range lex.vocab {
		if abs(len(v)-len(w)) > limit {
			continue
		}
		if d := editDistance(w, v, limit); d < bestD {
			best, bestD = v, d
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// editDistance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours cost one),
// or limit+1 once it must exceed limit.
func editDistance(a, b string, limit int) int {
	if a == b {
		return 0
	}
	la, lb := len(a), len(b)
	prev2 := make([]int, lb+1)
	prev := make([]int, lb+1)
	cur := make([]int, lb+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}
