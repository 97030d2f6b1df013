package intent

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token by its shape; the lexicon decides what it
// means.
type TokenKind int

// Token kinds.
const (
	// TokWord is a run of letters, digits and inner - _ ' characters that
	// is not a number: "postgres", "multi-az", "us-east-1", "don't".
	TokWord TokenKind = iota
	// TokNumber is digits with at most one decimal point: "16", "0.5".
	TokNumber
	// TokDotted is a word with inner dots: "db.r6g.large", "app.example.com",
	// "t4g.small", "3.12.1", "0.0.0.0/0".
	TokDotted
	// TokPath is a URL path: "/healthz".
	TokPath
	// TokQuoted is text between quotes or backticks; Text is the inside.
	TokQuoted
	// TokPunct is one punctuation character: , : ( ) = + & / -.
	TokPunct
	// TokBreak ends a clause: . ; ! ? a newline, or a list bullet.
	TokBreak
)

func (k TokenKind) String() string {
	switch k {
	case TokWord:
		return "word"
	case TokNumber:
		return "number"
	case TokDotted:
		return "dotted"
	case TokPath:
		return "path"
	case TokQuoted:
		return "quoted"
	case TokPunct:
		return "punct"
	case TokBreak:
		return "break"
	}
	return "unknown"
}

// Token is one lexical unit of a description.
type Token struct {
	Kind TokenKind
	// Text is the token as written (for TokQuoted, the text inside the
	// quotes).
	Text string
	// Norm is Text lowercased with British spellings made American; it is
	// what the lexicon looks up.
	Norm string
	// Pos and End are byte offsets of the token in the description
	// (quotes included for TokQuoted).
	Pos, End int
}

// maxInput bounds the work done on one description; text past it is
// reported as unrecognized instead of read.
const maxInput = 64 << 10

// Tokenize splits s into tokens. It never fails: bytes that are not valid
// UTF-8 and symbols it has no use for become punctuation tokens, so that
// every byte of s is either whitespace or inside a token.
func Tokenize(s string) []Token {
	var toks []Token
	lineStart := true
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' || r == '\r':
			if r == '\n' {
				toks = appendBreak(toks, s, i, i+1)
			}
			lineStart = true
			i += size
			continue
		case unicode.IsSpace(r):
			i += size
			continue
		}
		start := i
		atLineStart := lineStart
		lineStart = false
		switch {
		case atLineStart && isBullet(s, i):
			n := bulletLen(s, i)
			toks = appendBreak(toks, s, i, i+n)
			i += n
		case r == '.' || r == ';' || r == '!' || r == '?' || r == '•':
			toks = appendBreak(toks, s, i, i+size)
			i += size
		case r == '"' || r == '`' || r == '\'' || r == '“' || r == '‘':
			closing := map[rune]rune{'"': '"', '`': '`', '\'': '\'', '“': '”', '‘': '’'}[r]
			if end := strings.IndexRune(s[i+size:], closing); end > 0 && end <= 200 && !strings.ContainsAny(s[i+size:i+size+end], "\n") {
				inner := s[i+size : i+size+end]
				cl := utf8.RuneLen(closing)
				toks = append(toks, Token{Kind: TokQuoted, Text: inner, Norm: normalize(inner), Pos: start, End: i + size + end + cl})
				i += size + end + cl
			} else {
				toks = append(toks, Token{Kind: TokPunct, Text: s[i : i+size], Norm: s[i : i+size], Pos: i, End: i + size})
				i += size
			}
		case r == '/' && i+1 < len(s) && isWordRune(runeAt(s, i+1)) || r == '/' && (i+1 == len(s) || unicode.IsSpace(runeAt(s, i+1))) && (i == 0 || unicode.IsSpace(runeAt(s, i-1))):
			j := i + 1
			for j < len(s) {
				c, n := utf8.DecodeRuneInString(s[j:])
				if !(isWordRune(c) || c == '/' || c == '-' || c == '_' || c == '.') {
					break
				}
				j += n
			}
			for j > i+1 && s[j-1] == '.' {
				j--
			}
			toks = append(toks, Token{Kind: TokPath, Text: s[i:j], Norm: s[i:j], Pos: i, End: j})
			i = j
		case isWordRune(r):
			j := wordEnd(s, i)
			toks = appendWord(toks, s, i, j)
			i = j
		default:
			text := s[i : i+size]
			if r == utf8.RuneError && size <= 1 {
				size = 1
				text = s[i : i+1]
			}
			norm := text
			if r == '&' {
				norm = "and"
			}
			toks = append(toks, Token{Kind: TokPunct, Text: text, Norm: norm, Pos: i, End: i + size})
			i += size
		}
	}
	return toks
}

func runeAt(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// wordEnd returns the end of the word starting at i: word runes, joined by
// single inner - _ . ' : / characters that have a word rune after them.
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c, n := utf8.DecodeRuneInString(s[j:])
		if isWordRune(c) {
			j += n
			continue
		}
		if (c == '-' || c == '_' || c == '.' || c == '\'' || c == '’' || c == '/' || c == ':') && j+n < len(s) && isWordRune(runeAt(s, j+n)) {
			// ':' and '/' only inside dotted things such as 0.0.0.0/0 or
			// arn-like text; a "name:value" list keeps its colon.
			if (c == ':' || c == '/') && !strings.Contains(s[i:j], ".") {
				break
			}
			j += n
			continue
		}
		break
	}
	return j
}

// appendWord classifies the word s[i:j], splitting a number glued to its
// unit ("4GB" -> "4" "GB") and a range ("2-10" -> "2" "-" "10").
func appendWord(toks []Token, s string, i, j int) []Token {
	w := s[i:j]
	if k := digitPrefix(w); k > 0 && k < len(w) {
		rest := w[k:]
		switch {
		case isLetters(rest) && !isOrdinal(w[:k], rest):
			toks = append(toks, Token{Kind: TokNumber, Text: w[:k], Norm: w[:k], Pos: i, End: i + k})
			return appendWord(toks, s, i+k, j)
		case rest[0] == '-' && len(rest) > 1 && digitPrefix(rest[1:]) == len(rest)-1:
			toks = append(toks, Token{Kind: TokNumber, Text: w[:k], Norm: w[:k], Pos: i, End: i + k})
			toks = append(toks, Token{Kind: TokPunct, Text: "-", Norm: "-", Pos: i + k, End: i + k + 1})
			return append(toks, Token{Kind: TokNumber, Text: rest[1:], Norm: rest[1:], Pos: i + k + 1, End: j})
		}
	}
	kind := TokWord
	switch {
	case isNumber(w):
		kind = TokNumber
	case strings.Contains(w, "."):
		kind = TokDotted
	}
	return append(toks, Token{Kind: kind, Text: w, Norm: normalize(w), Pos: i, End: j})
}

func isOrdinal(num, rest string) bool {
	switch strings.ToLower(rest) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

func digitPrefix(w string) int {
	k := 0
	for k < len(w) && w[k] >= '0' && w[k] <= '9' {
		k++
	}
	if k > 0 && k+1 < len(w) && w[k] == '.' && w[k+1] >= '0' && w[k+1] <= '9' {
		m := k + 1
		for m < len(w) && w[m] >= '0' && w[m] <= '9' {
			m++
		}
		if m == len(w) || isLetters(w[m:]) {
			return m
		}
	}
	return k
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func isNumber(w string) bool {
	dots := 0
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] >= '0' && w[i] <= '9':
		case w[i] == '.' && i > 0 && i < len(w)-1:
			dots++
		default:
			return false
		}
	}
	return w != "" && dots <= 1
}

// isBullet reports whether s[i:] starts a list item marker: - * + or
// "1." / "1)" followed by a space.
func isBullet(s string, i int) bool { return bulletLen(s, i) > 0 }

func bulletLen(s string, i int) int {
	j := i
	switch {
	case s[j] == '-' || s[j] == '*' || s[j] == '+':
		j++
	case strings.HasPrefix(s[j:], "•"):
		j += len("•")
	case s[j] >= '0' && s[j] <= '9':
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == len(s) || (s[j] != '.' && s[j] != ')') {
			return 0
		}
		j++
	default:
		return 0
	}
	if j < len(s) && s[j] != ' ' && s[j] != '\t' {
		return 0
	}
	return j - i
}

// appendBreak adds a clause break, folding runs of breaks into one.
func appendBreak(toks []Token, s string, i, j int) []Token {
	if n := len(toks); n > 0 && toks[n-1].Kind == TokBreak {
		return toks
	}
	return append(toks, Token{Kind: TokBreak, Text: s[i:j], Norm: ".", Pos: i, End: j})
}

// british maps British spellings to the American ones the lexicon uses.
var british = map[string]string{
	"optimise": "optimize", "optimised": "optimized", "optimising": "optimizing", "optimisation": "optimization",
	"centre": "center", "centres": "centers", "colour": "color", "favour": "favor",
	"organisation": "organization", "organisations": "organizations", "licence": "license",
	"analyse": "analyze", "analysed": "analyzed", "behaviour": "behavior", "programme": "program",
	"utilise": "utilize", "minimise": "minimize", "maximise": "maximize", "authorise": "authorize",
	"authorisation": "authorization", "containerised": "containerized", "containerise": "containerize",
	"serialise": "serialize", "normalise": "normalize", "standardise": "standardize",
	"catalogue": "catalog", "cheque": "check", "enrol": "enroll", "artefact": "artifact", "artefacts": "artifacts",
	"encrypt": "encrypt", "prioritise": "prioritize", "customise": "customize", "recognise": "recognize",
	"synchronise": "synchronize", "initialise": "initialize", "virtualise": "virtualize",
}

// normalize lowercases w, folds typographic apostrophes and maps British
// spellings to American ones.
func normalize(w string) string {
	n := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	if a, ok := british[n]; ok {
		return a
	}
	return n
}
