package detect

import (
	"regexp"
	"sync"
)

// pattern is a regular expression compiled on first use. Detectors hold
// over a hundred of them; compiling all at start-up cost every hoist
// command several milliseconds, even those that never analyze a repository.
type pattern struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// newPattern returns a pattern for src; src must be a valid expression
// (it panics on first use otherwise, like regexp.MustCompile).
func newPattern(src string) *pattern { return &pattern{src: src} }

func (p *pattern) get() *regexp.Regexp {
	p.once.Do(func() { p.re = regexp.MustCompile(p.src) })
	return p.re
}

// The methods detectors use, delegated to the compiled expression.

func (p *pattern) String() string                         { return p.src }
func (p *pattern) Match(b []byte) bool                    { return p.get().Match(b) }
func (p *pattern) MatchString(s string) bool              { return p.get().MatchString(s) }
func (p *pattern) FindIndex(b []byte) []int               { return p.get().FindIndex(b) }
func (p *pattern) FindSubmatch(b []byte) [][]byte         { return p.get().FindSubmatch(b) }
func (p *pattern) FindSubmatchIndex(b []byte) []int       { return p.get().FindSubmatchIndex(b) }
func (p *pattern) FindStringSubmatch(s string) []string   { return p.get().FindStringSubmatch(s) }
func (p *pattern) FindString(s string) string             { return p.get().FindString(s) }
func (p *pattern) FindStringIndex(s string) []int         { return p.get().FindStringIndex(s) }
func (p *pattern) FindAllIndex(b []byte, n int) [][]int   { return p.get().FindAllIndex(b, n) }
func (p *pattern) FindAllString(s string, n int) []string { return p.get().FindAllString(s, n) }
func (p *pattern) FindAllSubmatch(b []byte, n int) [][][]byte {
	return p.get().FindAllSubmatch(b, n)
}
func (p *pattern) FindAllSubmatchIndex(b []byte, n int) [][]int {
	return p.get().FindAllSubmatchIndex(b, n)
}
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
