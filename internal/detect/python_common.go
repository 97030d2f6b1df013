package detect

// Helpers shared by the python, ruby, php and elixir detectors: version
// constraints, version pin files, .tool-versions, and small file lookups.

import (
	"bytes"
	"path"
	"strconv"
	"strings"
)

// verPin is a language version decided from one file, with its line.
type verPin struct {
	Version string
	File    string // repository-relative
	Line    int
	Reason  string
}

// pinEvidence turns a pin into language_version evidence.
func (p verPin) evidence() Evidence {
	return Evidence{Field: "language_version", File: p.File, Line: p.Line, Reason: p.Reason}
}

// hasPath reports whether the file at the slash path rel below d exists.
func hasPath(d *Dir, rel string) bool {
	dir, name := path.Split(rel)
	x := d
	if dir != "" {
		x = d.Sub(strings.TrimSuffix(dir, "/"))
	}
	return x != nil && x.Has(name)
}

// readPath reads the file at the slash path rel below d, or returns nil when
// it does not exist or was skipped.
func readPath(d *Dir, rel string) []byte {
	if !hasPath(d, rel) {
		return nil
	}
	data, err := d.Repo().Read(d.Rel(rel))
	if err != nil {
		return nil
	}
	return data
}

// findUp returns the nearest folder, d or one of its parents, holding a file
// of that name. Version pins such as .tool-versions often sit at the root of
// a monorepo.
func findUp(d *Dir, name string) *Dir {
	for x := d; x != nil; x = x.Parent() {
		if x.Has(name) {
			return x
		}
	}
	return nil
}

// ancestorHasAny reports whether a folder above d holds one of the files.
func ancestorHasAny(d *Dir, names ...string) bool {
	for x := d.Parent(); x != nil; x = x.Parent() {
		if _, ok := x.HasAny(names...); ok {
			return true
		}
	}
	return false
}

// lineContaining returns the 1-based line of the first occurrence of needle
// in data, or 0 when it does not occur.
func lineContaining(data []byte, needle string) int {
	if needle == "" {
		return 0
	}
	i := bytes.Index(data, []byte(needle))
	if i < 0 {
		return 0
	}
	return LineOf(data, i)
}

// readPinFile reads a one-line version file (.python-version,
// .ruby-version, .php-version) from d or a parent folder. prefixes are
// stripped from the value ("ruby-3.3.1" -> "3.3.1").
func readPinFile(d *Dir, name string, prefixes ...string) (verPin, bool) {
	x := findUp(d, name)
	if x == nil {
		return verPin{}, false
	}
	data, err := x.Read(name)
	if err != nil {
		return verPin{}, false
	}
	for i, line := range strings.Split(string(data), "\n") {
		v := strings.TrimSpace(line)
		if j := strings.IndexByte(v, '#'); j >= 0 {
			v = strings.TrimSpace(v[:j])
		}
		if v == "" {
			continue
		}
		for _, p := range prefixes {
			v = strings.TrimPrefix(v, p)
		}
		if !looksLikeVersion(v) {
			return verPin{}, false
		}
		return verPin{Version: v, File: x.Rel(name), Line: i + 1, Reason: name + " pins " + v}, true
	}
	return verPin{}, false
}

// toolVersionsPin reads the version of tool from an asdf/mise .tool-versions
// file in d or a parent folder. The first version listed is the preferred one.
func toolVersionsPin(d *Dir, tool string) (verPin, bool) {
	x := findUp(d, ".tool-versions")
	if x == nil {
		return verPin{}, false
	}
	data, err := x.Read(".tool-versions")
	if err != nil {
		return verPin{}, false
	}
	v, line := parseToolVersions(data, tool)
	if v == "" {
		return verPin{}, false
	}
	return verPin{Version: v, File: x.Rel(".tool-versions"), Line: line, Reason: ".tool-versions pins " + tool + " " + v}, true
}

// parseToolVersions returns the first version given for tool in a
// .tool-versions file and its line, or "" when the tool is absent or its
// version is not a plain version number ("system", "ref:...", "path:...").
func parseToolVersions(data []byte, tool string) (string, int) {
	for i, line := range strings.Split(string(data), "\n") {
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[0] != tool {
			continue
		}
		v := fields[1]
		if tool == "elixir" { // "1.17.3-otp-27"
			v, _, _ = strings.Cut(v, "-otp")
		}
		if !looksLikeVersion(v) {
			return "", 0
		}
		return v, i + 1
	}
	return "", 0
}

// looksLikeVersion reports whether v is a dotted numeric version such as
// "3", "3.12" or "3.12.1" (a trailing pre-release or patch level like
// "3.3.0p0" or "8.3.1-rc1" is allowed after the first number).
func looksLikeVersion(v string) bool {
	if v == "" || v[0] < '0' || v[0] > '9' {
		return false
	}
	for _, r := range v {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// majorMinor returns "3.12" for "3.12.1", and v itself when it has fewer parts.
func majorMinor(v string) string {
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return v
	}
	return parts[0] + "." + parts[1]
}

// version is a numeric version of up to three parts; missing parts are zero.
type version [3]int

func parseVersion(s string) (v version, parts int, ok bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "v")
	if s == "" {
		return v, 0, false
	}
	for i, p := range strings.Split(s, ".") {
		if i >= 3 {
			break
		}
		if p == "*" || p == "x" || p == "X" {
			return v, i, i > 0
		}
		// Keep the leading digits: "1p55", "0-rc1".
		end := 0
		for end < len(p) && p[end] >= '0' && p[end] <= '9' {
			end++
		}
		if end == 0 {
			return v, i, false
		}
		n, err := strconv.Atoi(p[:end])
		if err != nil || n > 1<<20 {
			return v, i, false
		}
		v[i] = n
		parts = i + 1
		if end < len(p) {
			break
		}
	}
	return v, parts, true
}

func (a version) cmp(b version) int {
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// bump returns the smallest version above every version that starts with the
// first n parts of a: bump(3.11.2, 2) = 3.12.0.
func (a version) bump(n int) version {
	var b version
	if n < 1 {
		n = 1
	}
	if n > 3 {
		n = 3
	}
	copy(b[:n], a[:n])
	b[n-1]++
	return b
}

// bound is one end of a version interval.
type bound struct {
	v         version
	inclusive bool
	set       bool
}

// interval is a set of versions lo..hi.
type interval struct{ lo, hi bound }

func (iv interval) intersect(o interval) interval {
	out := iv
	if o.lo.set && (!out.lo.set || o.lo.v.cmp(out.lo.v) > 0 || o.lo.v.cmp(out.lo.v) == 0 && !o.lo.inclusive) {
		out.lo = o.lo
	}
	if o.hi.set && (!out.hi.set || o.hi.v.cmp(out.hi.v) < 0 || o.hi.v.cmp(out.hi.v) == 0 && !o.hi.inclusive) {
		out.hi = o.hi
	}
	return out
}

func (iv interval) empty() bool {
	if !iv.lo.set || !iv.hi.set {
		return false
	}
	c := iv.lo.v.cmp(iv.hi.v)
	return c > 0 || c == 0 && !(iv.lo.inclusive && iv.hi.inclusive)
}

// constraintDialect says how ~ and ^ read: Composer's ~8.3 allows 8.x, Poetry's
// ~3.11 allows only 3.11.x.
type constraintDialect int

const (
	dialectPEP440   constraintDialect = iota // Python: PEP 440 plus Poetry's ^ and ~
	dialectComposer                          // PHP
	dialectRubyGems                          // Ruby and Elixir: ~>
)

// parseConstraint turns a version constraint into alternative intervals:
// ">=3.11,<4" (PEP 440), "^8.2 || ^8.3" (Composer), "~> 1.15" (Mix,
// RubyGems), "3.12.*". Clauses it does not understand are ignored, so the
// result can be wider than the constraint, never narrower. ok is false
// when nothing in it could be read.
func parseConstraint(s string, dialect constraintDialect) (alts []interval, ok bool) {
	s = strings.ReplaceAll(s, "||", "|")
	s = strings.ReplaceAll(s, " or ", "|")
	s = strings.ReplaceAll(s, " and ", ",")
	for _, alt := range strings.Split(s, "|") {
		iv := interval{}
		read := false
		// Clauses are separated by commas or, in Composer, spaces; an operator
		// may be followed by a space (">= 3.1").
		tokens := strings.FieldsFunc(alt, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		for i := 0; i < len(tokens); i++ {
			tok := tokens[i]
			if strings.Trim(tok, "<>=!~^") == "" && i+1 < len(tokens) { // operator alone
				tok += tokens[i+1]
				i++
			}
			c, cok := clauseInterval(tok, dialect)
			if !cok {
				continue
			}
			read = true
			iv = iv.intersect(c)
		}
		if read {
			ok = true
			alts = append(alts, iv)
		}
	}
	return alts, ok
}

func clauseInterval(tok string, dialect constraintDialect) (interval, bool) {
	op := ""
	for _, o := range []string{"===", "~=", "~>", "==", "!=", ">=", "<=", ">", "<", "=", "^", "~"} {
		if strings.HasPrefix(tok, o) {
			op = o
			break
		}
	}
	vs := strings.TrimSpace(tok[len(op):])
	if vs == "*" && (op == "" || op == "==") {
		return interval{}, true
	}
	wildcard := strings.HasSuffix(vs, ".*") || strings.HasSuffix(vs, ".x")
	v, n, ok := parseVersion(vs)
	if !ok || n == 0 {
		return interval{}, false
	}
	at := func(v version, incl bool) bound { return bound{v: v, inclusive: incl, set: true} }
	switch op {
	case ">=":
		return interval{lo: at(v, true)}, true
	case ">":
		if wildcard {
			return interval{lo: at(v.bump(n), true)}, true
		}
		return interval{lo: at(v, false)}, true
	case "<=":
		if wildcard {
			return interval{hi: at(v.bump(n), false)}, true
		}
		return interval{hi: at(v, true)}, true
	case "<":
		return interval{hi: at(v, false)}, true
	case "!=":
		return interval{}, true
	case "~=", "~>":
		if n < 2 { // "~> 3" means >= 3, < 4
			return interval{lo: at(v, true), hi: at(v.bump(1), false)}, true
		}
		return interval{lo: at(v, true), hi: at(v.bump(n-1), false)}, true
	case "^":
		i := 0
		for i < n-1 && v[i] == 0 {
			i++
		}
		return interval{lo: at(v, true), hi: at(v.bump(i+1), false)}, true
	case "~":
		if dialect == dialectComposer {
			if n < 2 {
				return interval{lo: at(v, true), hi: at(v.bump(1), false)}, true
			}
			return interval{lo: at(v, true), hi: at(v.bump(n-1), false)}, true
		}
		// Poetry and npm: ~3.11 allows 3.11.x; ~3 allows 3.x.
		if n < 2 {
			return interval{lo: at(v, true), hi: at(v.bump(1), false)}, true
		}
		return interval{lo: at(v, true), hi: at(v.bump(2), false)}, true
	default: // "==", "===", "=", bare version
		if wildcard || n < 3 {
			// A prefix ("3.12", "3.12.*") stands for all its releases.
			return interval{lo: at(v, true), hi: at(v.bump(n), false)}, true
		}
		return interval{lo: at(v, true), hi: at(v, true)}, true
	}
}

// lowestAllowedMinor returns the lowest of the supported minors (ascending,
// "3.10", "3.11", ...) that the constraint allows. When none of them is
// allowed (a constraint newer than the list), it returns the constraint's
// lower bound as major.minor. ok is false when the constraint is unreadable
// or allows nothing usable.
func lowestAllowedMinor(constraint string, supported []string, dialect constraintDialect) (string, bool) {
	alts, ok := parseConstraint(constraint, dialect)
	if !ok {
		return "", false
	}
	for _, m := range supported {
		mv, n, ok := parseVersion(m)
		if !ok {
			continue
		}
		minor := interval{lo: bound{v: mv, inclusive: true, set: true}, hi: bound{v: mv.bump(n), set: true}}
		for _, a := range alts {
			if !a.intersect(minor).empty() {
				return m, true
			}
		}
	}
	// Nothing supported is allowed: take the newest lower bound if it is above
	// the list (a project ahead of this table), else give up.
	best := ""
	var bestV version
	for _, a := range alts {
		if !a.lo.set || a.empty() {
			continue
		}
		if best == "" || a.lo.v.cmp(bestV) < 0 {
			bestV = a.lo.v
			best = strconv.Itoa(a.lo.v[0]) + "." + strconv.Itoa(a.lo.v[1])
		}
	}
	if best == "" || len(supported) == 0 {
		return "", false
	}
	top, _, _ := parseVersion(supported[len(supported)-1])
	if bestV.cmp(top) <= 0 {
		return "", false
	}
	return best, true
}

// syntaxError is a manifest that does not parse, with the position its
// parser reported (0 when unknown).
type syntaxError struct {
	Line, Column int
	Msg          string
}

func (e *syntaxError) Error() string { return e.Msg }

// noteSyntax records a malformed manifest as a Note.
func noteSyntax(d *Dir, file string, err error) {
	n := Note{File: d.Rel(file), Reason: file + " does not parse: " + err.Error()}
	if se, ok := err.(*syntaxError); ok {
		n.Line, n.Column = se.Line, se.Column
	}
	d.Repo().Note(n)
}

// offsetPosition converts a byte offset into a 1-based line and column.
func offsetPosition(data []byte, off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(data) {
		off = len(data)
	}
	line = bytes.Count(data[:off], []byte{'\n'}) + 1
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// depGroups keeps dependency names per manifest file, in the order files
// were read, for MatchDependencies.
type depGroups struct {
	files []string
	names map[string][]string
	line  map[string]int // "file\x00name" -> line
	has   map[string]string
}

func (g *depGroups) add(file, name string, line int) {
	if g.names == nil {
		g.names, g.line, g.has = map[string][]string{}, map[string]int{}, map[string]string{}
	}
	if _, ok := g.names[file]; !ok {
		g.files = append(g.files, file)
	}
	for _, n := range g.names[file] {
		if n == name {
			return
		}
	}
	g.names[file] = append(g.names[file], name)
	g.line[file+"\x00"+name] = line
	if _, ok := g.has[name]; !ok {
		g.has[name] = file
	}
}

// find returns the file and line that declare a dependency.
func (g *depGroups) find(name string) (file string, line int, ok bool) {
	file, ok = g.has[name]
	if !ok {
		return "", 0, false
	}
	return file, g.line[file+"\x00"+name], true
}

// match applies rules to every group; file names are made repository-relative.
func (g *depGroups) match(d *Dir, rules []DependencyRule) []Backing {
	var out []Backing
	for _, f := range g.files {
		out = append(out, MatchDependencies(d.Rel(f), g.names[f], rules)...)
	}
	return out
}
