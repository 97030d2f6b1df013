package intent

// This file holds the phrase grammar: noun phrases naming components and
// value phrases carrying quantities and settings. The interpreter
// (interpret.go) gives them meaning.

// mod is one modifier: a value, flag or name to set on a component or on
// the spec as a whole.
type mod struct {
	what   string // see applyMod
	n      float64
	lo, hi float64
	s      string
	list   []string
	neg    bool
	target string // "2 Fargate tasks" also chooses the target
	idx    []int  // the lexemes that make it
}

// np is a noun phrase: [det] [count] premodifier* [name words] head
// [called NAME]; or one whose head an engine implies ("Postgres 16").
type np struct {
	start, end int
	det        string
	count      float64
	head       int // lexeme index of the head, or -1 when implied
	kind       kind
	role       string
	mods       []mod
	nameWords  []int
	name       string // from "called X" or a quoted name
	nameIdx    []int
}

func (e *engine) isNumAt(i, end int) bool {
	return i < end && e.lx[i].isNum && !e.lx[i].blocked
}

// skipBlocked returns the first index at or after i whose lexeme is not
// blocked by a safety rule.
func (e *engine) skipBlocked(i, end int) int {
	for i < end && e.lx[i].blocked {
		i++
	}
	return i
}

// scanNP reads a noun phrase starting at i, or returns nil.
func (e *engine) scanNP(i, end int) *np {
	n := &np{start: i, head: -1}
	j := i
	engineAt := -1 // index of the last engine or language seen
	implied := -1  // end of the phrase if no head follows
	hasContent := false
	for j < end {
		l := &e.lx[j]
		if l.blocked {
			j++
			continue
		}
		switch l.cat {
		case cUnit:
			if l.norm != "second" || hasContent || n.count != 0 {
				goto done
			}
			n.det = "indef" // "a second api"
			j++
			continue
		case cDet:
			if hasContent || n.count != 0 {
				goto done
			}
			n.det = l.val
			j++
			continue
		case cNumWord, cNumber:
			if j+1 < end && (e.lx[j+1].cat == cUnit) && !(e.lx[j+1].val == "task") {
				m, k, ok := e.scanValue(j, end)
				if !ok {
					goto done
				}
				n.mods = append(n.mods, m)
				hasContent = true
				j = k
				continue
			}
			if engineAt == j-1 && engineAt >= 0 {
				n.mods = append(n.mods, mod{what: "version", s: l.text, n: l.num, idx: []int{j}})
				if implied == j {
					implied = j + 1
				}
				j++
				continue
			}
			if n.count == 0 && !hasContent && l.num >= 1 && l.num == float64(int(l.num)) {
				n.count = l.num
				j++
				continue
			}
			goto done
		case cVersion:
			if engineAt == j-1 && engineAt >= 0 {
				n.mods = append(n.mods, mod{what: "version", s: l.literal, idx: []int{j}})
				if implied == j {
					implied = j + 1
				}
				j++
				continue
			}
			goto done
		case cAttr, cSize:
			what := "attr"
			if l.cat == cSize {
				what = "size"
			}
			n.mods = append(n.mods, mod{what: what, s: l.val, idx: []int{j}})
			hasContent = true
			j++
			continue
		case cLang:
			n.mods = append(n.mods, mod{what: "lang", s: l.val, idx: []int{j}})
			engineAt = j
			if l.val == "site" {
				implied = j + 1
			}
			hasContent = true
			j++
			continue
		case cEngine:
			if n.kind != kNone && n.kind != l.kind {
				goto done
			}
			n.mods = append(n.mods, mod{what: "engine", s: l.val, idx: []int{j}})
			n.kind = l.kind
			engineAt = j
			implied = j + 1
			hasContent = true
			j++
			continue
		case cTarget, cEnv:
			what := "target"
			if l.cat == cEnv {
				what = "env"
			}
			n.mods = append(n.mods, mod{what: what, s: l.val, idx: []int{j}})
			hasContent = true
			j++
			continue
		case cUnknown, cPayload:
			if len(n.nameWords) >= 3 || !nameLike(l.norm) {
				goto done
			}
			n.nameWords = append(n.nameWords, j)
			hasContent = true
			j++
			continue
		case cHead:
			if n.kind != kNone && n.kind != l.kind && !(n.kind == kDatabase && l.kind == kTable) && !(l.kind == kDatabase && n.kind == kTable) && !(l.kind == kBucket && n.kind == kBucket) {
				// "dynamodb database": the engine decides the kind.
				if !(l.kind == kDatabase) {
					goto done
				}
			}
			n.head = j
			if n.kind == kNone || n.kind == kDatabase && l.kind == kTable {
				n.kind = l.kind
			}
			n.role = l.role
			j++
			j = e.scanName(n, j, end)
			n.end = j
			return n
		default:
			goto done
		}
	}
done:
	if implied >= 0 {
		n.end = implied
		// name words after the engine belong to what follows
		var keep []int
		for _, w := range n.nameWords {
			if w < implied {
				keep = append(keep, w)
			}
		}
		n.nameWords = keep
		var mods []mod
		for _, m := range n.mods {
			if m.idx[0] < implied {
				mods = append(mods, m)
			}
		}
		n.mods = mods
		if n.kind == kNone {
			n.kind = kSite // a framework such as React implies a static site
			n.role = "site"
		}
		n.end = e.scanName(n, n.end, end)
		return n
	}
	// A word that names an existing component is a reference to it.
	if len(n.nameWords) > 0 {
		last := n.nameWords[len(n.nameWords)-1]
		if c := e.byName(e.nameFrom(n.nameWords)); c != nil {
			n.kind, n.end = c.kind, last+1
			n.det = "def"
			return n
		}
		if c := e.byName(e.lx[last].norm); c != nil && len(n.nameWords) == 1 {
			n.kind, n.end = c.kind, last+1
			n.det = "def"
			return n
		}
	}
	return nil
}

// scanName reads "called X", "named X" or a quoted name after a head.
func (e *engine) scanName(n *np, from, end int) int {
	j := e.skipBlocked(from, end)
	if j < end && e.lx[j].cat == cName && j+1 < end {
		k := j + 1
		if nameLike(e.lx[k].norm) || e.lx[k].cat == cQuoted {
			n.name = nameOf(e.lx[k])
			n.nameIdx = []int{j, k}
			return k + 1
		}
	}
	if j < end && e.lx[j].cat == cQuoted && nameLike(sanitizeName(e.lx[j].literal)) {
		n.name = nameOf(e.lx[j])
		n.nameIdx = []int{j}
		return j + 1
	}
	// No name: blocked words after the head are not part of the phrase.
	return from
}

func nameOf(l lexeme) string {
	if l.cat == cQuoted {
		return sanitizeName(l.literal)
	}
	return sanitizeName(l.text)
}

// nameLike says whether a word could be a component name.
func nameLike(w string) bool {
	if w == "" || len(w) > 40 {
		return false
	}
	if !(w[0] >= 'a' && w[0] <= 'z') {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// sanitizeName turns text into a spec name: lowercase, words joined by
// dashes; "" if nothing usable remains.
func sanitizeName(s string) string {
	var b []byte
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if dash && len(b) > 0 {
				b = append(b, '-')
			}
			dash = false
			b = append(b, c)
		default:
			dash = true
		}
	}
	for len(b) > 0 && !(b[0] >= 'a' && b[0] <= 'z') {
		b = b[1:]
	}
	if len(b) > 40 {
		b = b[:40]
	}
	for len(b) > 0 && b[len(b)-1] == '-' {
		b = b[:len(b)-1]
	}
	return string(b)
}

func (e *engine) nameFrom(idx []int) string {
	var parts []byte
	for k, i := range idx {
		if k > 0 {
			parts = append(parts, '-')
		}
		parts = append(parts, e.lx[i].norm...)
	}
	return sanitizeName(string(parts))
}

// connector says whether a lexeme may stand between a field keyword and
// its value: "port: 3000", "memory of 4 GB", "timeout to 60 seconds".
func (e *engine) connector(l *lexeme) bool {
	switch l.cat {
	case cPrep:
		return l.val == "of" || l.val == "to" || l.val == "on" || l.val == "in" || l.val == "with"
	case cStop:
		return l.norm == ":" || l.norm == "=" || l.norm == "is" || l.norm == "should be" || l.norm == "be" || l.norm == "of" || l.norm == "at"
	case cRange:
		return l.val == "atleast" || l.val == "upto"
	case cDet:
		return l.norm == "a" || l.norm == "an" || l.norm == "the"
	}
	return false
}

var byteUnits = map[string]float64{"gb": 1024, "mb": 1, "tb": 1024 * 1024}

// scanValue reads a value phrase at i: a number with its unit and field,
// a range, a field keyword with its value, or a value-shaped word.
func (e *engine) scanValue(i, end int) (mod, int, bool) {
	l := &e.lx[i]
	m := mod{idx: []int{i}}
	switch {
	case l.isNum:
		m.n = l.num
		m.s = l.text
		m.what = "number"
		j := i + 1
		if j+1 < end && (e.lx[j].cat == cRange && e.lx[j].val == "dash" || e.lx[j].cat == cPrep && e.lx[j].val == "to") && e.isNumAt(j+1, end) {
			m.what, m.lo, m.hi = "range", l.num, e.lx[j+1].num
			m.idx = append(m.idx, j, j+1)
			j += 2
		}
		return e.unitAfter(m, j, end)
	case l.cat == cRange && l.val == "between":
		if i+3 < end+0 && e.isNumAt(i+1, end) && e.lx[i+2].cat == cAnd && e.isNumAt(i+3, end) {
			m.what, m.lo, m.hi = "range", e.lx[i+1].num, e.lx[i+3].num
			m.idx = append(m.idx, i+1, i+2, i+3)
			return e.unitAfter(m, i+4, end)
		}
	case l.cat == cRange && (l.val == "upto" || l.val == "atleast"):
		j := i + 1
		if j < end && e.lx[j].cat == cPrep && e.lx[j].val == "of" {
			j++
		}
		if e.isNumAt(j, end) {
			inner, k, _ := e.scanValue(j, end)
			m.idx = append(m.idx, inner.idx...)
			m.n, m.s = inner.n, inner.s
			switch inner.what {
			case "number", "count":
				m.what = "max"
				if l.val == "atleast" {
					m.what = "min"
				}
				return m, k, true
			case "range":
				inner.idx = m.idx
				return inner, k, true
			}
			inner.idx = m.idx
			return inner, k, true
		}
	case l.cat == cField:
		return e.fieldValue(i, end)
	case l.cat == cDomain:
		m.what, m.s = "domain", l.norm
		return m, i + 1, true
	case l.cat == cPath:
		m.what, m.s = "health", l.literal
		return m, i + 1, true
	case l.cat == cSizeCls:
		m.what, m.s = "sizeclass", l.norm
		return m, i + 1, true
	case l.cat == cRegionID:
		m.what, m.s = "region", l.norm
		return m, i + 1, true
	case l.cat == cRegion:
		m.what, m.s = "region", l.val
		return m, i + 1, true
	case l.cat == cEnvName:
		return e.envNames(m, "names", i, end)
	case l.cat == cVersion:
		m.what, m.s = "version", l.literal
		return m, i + 1, true
	case l.cat == cAttr:
		m.what, m.s = "attr", l.val
		return m, i + 1, true
	case l.cat == cSize:
		m.what, m.s = "size", l.val
		return m, i + 1, true
	case l.cat == cLang && l.norm == "go" && l.prevNorm != "in" && l.prevNorm != "using" && l.prevNorm != "with" && l.prevNorm != "on":
		// "make it go faster": the verb, not the language.
		e.use(i)
		return mod{}, i + 1, false
	case l.cat == cLang:
		m.what, m.s = "lang", l.val
		if e.isNumAt(i+1, end) || i+1 < end && e.lx[i+1].cat == cVersion {
			m.list = []string{e.lx[i+1].literal}
			m.idx = append(m.idx, i+1)
			return m, i + 2, true
		}
		return m, i + 1, true
	case l.cat == cTarget:
		m.what, m.s = "target", l.val
		return m, i + 1, true
	case l.cat == cEnv:
		m.what, m.s = "env", l.val
		return m, i + 1, true
	case l.cat == cPerAZ:
		m.what = "perAZ"
		return m, i + 1, true
	}
	return mod{}, i, false
}

// unitAfter reads the unit (and field) after a number or range.
func (e *engine) unitAfter(m mod, j, end int) (mod, int, bool) {
	if j+1 < end && e.lx[j].cat == cTarget && e.lx[j+1].cat == cUnit && e.lx[j+1].val == "task" {
		m.target = e.lx[j].val
		m.idx = append(m.idx, j)
		j++
	}
	if j < end && e.lx[j].cat == cPrep && e.lx[j].val == "of" && j+1 < end && e.lx[j+1].cat == cUnit {
		m.idx = append(m.idx, j)
		j++
	}
	if j >= end || e.lx[j].cat != cUnit {
		if j < end && e.lx[j].cat == cField && (e.lx[j].val == "port") && m.what == "number" {
			m.what = "port"
			m.idx = append(m.idx, j)
			return m, j + 1, true
		}
		return m, j, true
	}
	u := e.lx[j].val
	m.idx = append(m.idx, j)
	j++
	scale := func(f float64) {
		m.n *= f
		m.lo *= f
		m.hi *= f
	}
	switch u {
	case "gb", "mb", "tb":
		scale(byteUnits[u])
		if m.what != "range" {
			m.what = "bytes"
		}
		// "4 GB of memory", "100 GB storage", "4 GB RAM"
		k := j
		if k < end && (e.lx[k].cat == cPrep && e.lx[k].val == "of") {
			k++
		}
		if k < end && e.lx[k].cat == cField && (e.lx[k].val == "memory" || e.lx[k].val == "storage") {
			m.what = e.lx[k].val
			if m.what == "storage" {
				m.n /= 1024 // GB
			}
			for x := j; x <= k; x++ {
				m.idx = append(m.idx, x)
			}
			j = k + 1
		}
	case "vcpu":
		m.what = "cpu"
	case "cpuunits":
		scale(1.0 / 1024)
		m.what = "cpu"
	case "task":
		if m.what != "range" {
			m.what = "count"
		}
	case "az":
		m.what = "azs"
	case "day", "week", "month", "year":
		scale(map[string]float64{"day": 1, "week": 7, "month": 30, "year": 365}[u])
		m.what = "days"
		if j < end && e.lx[j].cat == cField && e.lx[j].val == "retention" {
			m.idx = append(m.idx, j)
			j++
		}
	case "second", "minute", "hour":
		scale(map[string]float64{"second": 1, "minute": 60, "hour": 3600}[u])
		m.what = "seconds"
		if j < end && e.lx[j].cat == cField && e.lx[j].val == "timeout" {
			m.what = "timeout"
			m.idx = append(m.idx, j)
			j++
		}
	}
	return m, j, true
}

// fieldValue reads a field keyword and the value after it.
func (e *engine) fieldValue(i, end int) (mod, int, bool) {
	f := e.lx[i].val
	m := mod{idx: []int{i}, what: "field:" + f}
	j := i + 1
	for j < end && (e.connector(&e.lx[j]) || e.lx[j].blocked) && j < i+3 {
		j++
	}
	if j >= end {
		return m, i + 1, true
	}
	v := &e.lx[j]
	take := func(what, s string) (mod, int, bool) {
		for k := i + 1; k <= j; k++ {
			m.idx = append(m.idx, k)
		}
		m.what, m.s = what, s
		return m, j + 1, true
	}
	switch f {
	case "port":
		if v.isNum {
			m.n = v.num
			return take("port", v.text)
		}
	case "memory", "storage", "cpu", "timeout", "retention":
		if v.isNum {
			inner, k, _ := e.scanValue(j, end)
			for x := i + 1; x < k; x++ {
				m.idx = append(m.idx, x)
			}
			m.n, m.lo, m.hi = inner.n, inner.lo, inner.hi
			switch {
			case f == "memory" && (inner.what == "bytes" || inner.what == "memory" || inner.what == "number"):
				m.what = "memory"
			case f == "storage" && inner.what == "bytes":
				m.what = "storage"
				m.n = inner.n / 1024
			case f == "storage" && inner.what == "storage":
				m.what = "storage"
			case f == "storage" && inner.what == "number":
				m.what = "storage"
			case f == "cpu" && (inner.what == "cpu" || inner.what == "number"):
				m.what = "cpu"
				if inner.what == "number" && inner.n > 16 {
					m.n = inner.n / 1024
				}
			case f == "timeout" && (inner.what == "seconds" || inner.what == "number"):
				m.what = "timeout"
			case f == "retention" && (inner.what == "days" || inner.what == "number"):
				m.what = "days"
			default:
				return m, i + 1, true
			}
			return m, k, true
		}
	case "version":
		if v.isNum || v.cat == cVersion {
			return take("version", v.literal)
		}
	case "health":
		if v.cat == cPath {
			return take("health", v.literal)
		}
	case "pkey", "skey", "ttl":
		if v.cat == cQuoted || v.cat == cUnknown || v.cat == cPayload || v.cat == cStop && nameLike(v.norm) || v.cat == cEnvName {
			s := v.text
			if v.cat == cQuoted {
				s = v.literal
			}
			return take(f, s)
		}
	case "secret", "env":
		if v.cat == cEnvName || v.cat == cQuoted && envNameRE.MatchString(v.literal) {
			what := "secret"
			if f == "env" {
				what = "envvar"
			}
			return e.envNames(m, what, j, end)
		}
	case "domain":
		if v.cat == cDomain {
			return take("domain", v.norm)
		}
	case "size":
		if v.cat == cSizeCls {
			return take("sizeclass", v.norm)
		}
		if v.cat == cSize {
			return take("size", v.val)
		}
	case "name":
		if v.cat == cQuoted || nameLike(v.norm) && (v.cat == cUnknown || v.cat == cPayload) {
			return take("specname", nameOf(*v))
		}
	}
	return m, i + 1, true
}

// envNames reads a list of environment variable or secret names:
// "STRIPE_KEY, SESSION_SECRET and DB_TOKEN".
func (e *engine) envNames(m mod, what string, j, end int) (mod, int, bool) {
	m.what = what
	for j < end {
		l := &e.lx[j]
		switch {
		case l.cat == cEnvName:
			m.list = append(m.list, l.text)
		case l.cat == cQuoted && envNameRE.MatchString(l.literal):
			m.list = append(m.list, l.literal)
		case (l.cat == cAnd) && j+1 < end && (e.lx[j+1].cat == cEnvName || e.lx[j+1].cat == cQuoted):
		case l.blocked:
		default:
			return m, j, true
		}
		m.idx = append(m.idx, j)
		j++
	}
	return m, j, true
}
