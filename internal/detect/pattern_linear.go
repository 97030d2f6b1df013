package detect

import "regexp/syntax"

// linear is a pattern tail that can be matched left to right without
// backtracking: literals, ASCII classes repeated greedily, and capture
// groups, where each variable repetition is followed by something that
// cannot start with a byte of its class (`\(\s*["']([A-Z][A-Z0-9_]*)["']`).
// Giving back a repeated byte could then never let the rest match, so the
// longest run is the only one the regexp package's search would take, and
// the match is the same. The environment variable patterns of every
// language have this form; matching them by hand skips a regexp call for
// each occurrence of their literal.
type linear struct {
	items []linItem
	ncap  int // capture groups, as regexp's NumSubexp
}

type linItem struct {
	lit      string     // a literal, when not empty
	class    *[128]bool // else, when set, a class of ASCII bytes
	min, max int        // repetitions of class; max -1: no limit
	open     int        // when > 0 and no lit or class: capture group open starts here
	close    int        // likewise, capture group close ends here
}

// compileLinear returns re as a linear tail, or nil when it is not one.
func compileLinear(re *syntax.Regexp, ncap int) *linear {
	l := &linear{ncap: ncap}
	if !l.add(re) || len(l.items) == 0 || l.items[0].lit == "" {
		return nil
	}
	groups := 0
	for i, it := range l.items {
		if it.open > 0 {
			groups++
		}
		if it.class == nil || it.min == it.max {
			continue
		}
		// The next item that consumes input must be one that cannot
		// start with a byte of this class (or there is none).
		for _, next := range l.items[i+1:] {
			if next.lit != "" {
				if c := next.lit[0]; c < 128 && it.class[c] {
					return nil
				}
				break
			}
			if next.class != nil {
				if next.min < 1 {
					return nil
				}
				for c := range next.class {
					if next.class[c] && it.class[c] {
						return nil
					}
				}
				break
			}
		}
	}
	if groups != ncap {
		return nil
	}
	return l
}

func (l *linear) add(re *syntax.Regexp) bool {
	if re.Flags&(syntax.FoldCase|syntax.NonGreedy) != 0 {
		return false
	}
	switch re.Op {
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !l.add(sub) {
				return false
			}
		}
		return true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return false
		}
		l.items = append(l.items, linItem{lit: string(re.Rune)})
		return true
	case syntax.OpCapture:
		open := linItem{open: re.Cap}
		l.items = append(l.items, open)
		if !l.add(re.Sub[0]) {
			return false
		}
		l.items = append(l.items, linItem{close: re.Cap})
		return true
	case syntax.OpCharClass:
		return l.addClass(re, 1, 1)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		sub := re.Sub[0]
		if sub.Op != syntax.OpCharClass || sub.Flags&(syntax.FoldCase|syntax.NonGreedy) != 0 {
			return false
		}
		switch re.Op {
		case syntax.OpStar:
			return l.addClass(sub, 0, -1)
		case syntax.OpPlus:
			return l.addClass(sub, 1, -1)
		case syntax.OpQuest:
			return l.addClass(sub, 0, 1)
		}
		return l.addClass(sub, re.Min, re.Max)
	}
	return false
}

// addClass adds a class of ASCII bytes; a class with any other character
// (a negated class among them) is not linear: it would match by runes.
func (l *linear) addClass(re *syntax.Regexp, min, max int) bool {
	if len(re.Rune) == 0 {
		return false
	}
	var set [128]bool
	for i := 0; i < len(re.Rune); i += 2 {
		lo, hi := re.Rune[i], re.Rune[i+1]
		if lo < 0 || hi >= 128 {
			return false
		}
		for c := lo; c <= hi; c++ {
			set[c] = true
		}
	}
	l.items = append(l.items, linItem{class: &set, min: min, max: max})
	return true
}

// match returns the submatch indices of the match of l starting at i, or
// nil. It fills m when it is long enough, else a new slice.
func (l *linear) match(b []byte, i int, m []int) []int {
	if n := 2 * (l.ncap + 1); cap(m) >= n {
		m = m[:n]
	} else {
		m = make([]int, n)
	}
	for k := range m {
		m[k] = -1
	}
	m[0] = i
	pos := i
	for _, it := range l.items {
		switch {
		case it.lit != "":
			if len(b)-pos < len(it.lit) || string(b[pos:pos+len(it.lit)]) != it.lit {
				return nil
			}
			pos += len(it.lit)
		case it.class != nil:
			n := 0
			for pos < len(b) && (it.max < 0 || n < it.max) && b[pos] < 128 && it.class[b[pos]] {
				pos++
				n++
			}
			if n < it.min {
				return nil
			}
		case it.open > 0:
			m[2*it.open] = pos
		case it.close > 0:
			m[2*it.close+1] = pos
		}
	}
	m[1] = pos
	return m
}
