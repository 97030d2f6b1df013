package dockerrules

import (
	"path"
	"regexp"
	"strings"
)

// parseDockerignore reads .dockerignore patterns: one a line, # starts a
// comment line, surrounding space and a leading "/" do not count, and the
// pattern is cleaned as a path.
func parseDockerignore(data []byte) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		neg := strings.HasPrefix(l, "!")
		p := strings.TrimSpace(strings.TrimPrefix(l, "!"))
		p = strings.TrimPrefix(path.Clean("/"+p), "/")
		if p == "" {
			p = "."
		}
		if neg {
			p = "!" + p
		}
		out = append(out, p)
	}
	return out
}

// ignored reports whether the .dockerignore patterns keep p (a slash path
// relative to the build context) out of the context. As in Docker, the
// last pattern that matches p or one of its parent directories decides.
func (d *Dockerfile) ignored(p string) bool {
	out := false
	for _, pat := range d.Dockerignore {
		neg := strings.HasPrefix(pat, "!")
		pat = strings.TrimPrefix(pat, "!")
		re := ignoreRegexp(pat)
		if re == nil {
			continue
		}
		for q := p; q != "." && q != "/" && q != ""; q = path.Dir(q) {
			if re.MatchString(q) {
				out = !neg
				break
			}
		}
	}
	return out
}

// ignoreRegexp translates a .dockerignore pattern: * and ? stay within a
// path segment, ** spans segments, [...] is a class, \ escapes.
func ignoreRegexp(pat string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(pat); i++ {
		c := pat[i]
		switch c {
		case '*':
			if i+1 < len(pat) && pat[i+1] == '*' {
				i++
				if i+1 < len(pat) && pat[i+1] == '/' {
					i++
					b.WriteString("(.*/)?")
				} else {
					b.WriteString(".*")
				}
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		case '[':
			j := strings.IndexByte(pat[i:], ']')
			if j < 0 {
				b.WriteString(`\[`)
				continue
			}
			class := pat[i+1 : i+j]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += j
		case '\\':
			if i+1 < len(pat) {
				i++
				b.WriteString(regexp.QuoteMeta(string(pat[i])))
			}
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil
	}
	return re
}
