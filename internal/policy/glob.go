package policy

import (
	"regexp"
	"strings"
)

// glob is a compiled pattern: `*` matches any run of characters but '/',
// `**` any run including '/', `?` one character but '/'; everything else
// matches itself. An empty pattern matches everything.
type glob struct {
	literal string
	re      *regexp.Regexp
	any     bool
}

func compileGlob(p string) glob {
	if p == "" {
		return glob{any: true}
	}
	if !strings.ContainsAny(p, "*?") {
		return glob{literal: p}
	}
	var b strings.Builder
	b.WriteString("^")
	rs := []rune(p)
	for i := 0; i < len(rs); i++ {
		switch c := rs[i]; c {
		case '*':
			if i+1 < len(rs) && rs[i+1] == '*' {
				i++
				// "**/" also matches no folder at all.
				if i+1 < len(rs) && rs[i+1] == '/' {
					i++
					b.WriteString("(?:.*/)?")
				} else {
					b.WriteString(".*")
				}
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil { // cannot happen: every rune is quoted
		return glob{literal: p}
	}
	return glob{re: re}
}

func (g glob) match(s string) bool {
	switch {
	case g.any:
		return true
	case g.re == nil:
		return g.literal == s
	default:
		return g.re.MatchString(s)
	}
}
