package intent

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hoist-dev/hoist/internal/spec"
)

// maxComps bounds the components one description may create, so that a
// hostile description cannot make the engine slow.
const maxComps = 200

// engine holds one run of New or Change.
type engine struct {
	desc    string
	lx      []lexeme
	clauses [][2]int
	change  bool

	s     *spec.Spec
	comps []*comp

	warnings []string
	notes    []Assumption // spec-level assumptions, in order

	nameSet     bool
	lastCompute *comp
	lastAny     *comp
	negated     []kind
	// unlinked are the pairs the description disconnected ("the worker
	// no longer uses the queue"): never connected by assumption.
	unlinked [][2]*comp
	// pendingLB and pendingHTTP are a load balancer or API Gateway named
	// before any service or function they could front.
	pendingLB, pendingHTTP bool
	https                  bool
	lbNegated              bool
	// refused lists the safety rules that fired, so each warns once.
	refused []string
}

// clauseState is what the interpreter knows inside one clause.
type clauseState struct {
	mode     string // add, remove, modify, enable, disable, connect, disconnect, rename
	verbNorm string
	neg      bool
	rel      string // pending relation
	relIdx   int
	relObjs  int
	relSrc   *comp // the component named last before the relation
	with     bool
	prep     string // the last preposition
	subject  *comp
	// subjects are subjects joined by "and": "the api and the worker use
	// the database".
	subjects []*comp
	lastAnd  bool // the lexeme before the current phrase was "and"
	related  bool // the subject has related to something since named
	focus    []*comp
	comps    []*comp
	deferred []mod
	perAZ    bool
	// npEnd is the end of the last noun phrase read: a verb right after
	// it has that phrase as its grammatical subject.
	npEnd int
	// negIdx is the lexeme of the pending negation; negStop says it was
	// "stop", which negates only a relation ("stops using").
	negIdx  int
	negStop bool
	// unlinkFrom are the components a negated relation disconnects.
	unlinkFrom []*comp
	// pred says the noun phrase being read is followed by a relation,
	// verb or negation of its own: "..., and the api uses ..." is a new
	// subject, not one more object.
	pred bool
	// ambig says the clause named something ambiguously ("the database"
	// with two of them): modifiers that find no definite component in
	// the clause are not applied.
	ambig bool
}

func (e *engine) warn(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !slices.Contains(e.warnings, msg) {
		e.warnings = append(e.warnings, msg)
	}
}

func (e *engine) block(i int) {
	e.lx[i].blocked = true
	e.lx[i].used = true
}

func (e *engine) use(idx ...int) {
	for _, i := range idx {
		e.lx[i].used = true
	}
}

func (e *engine) byName(name string) *comp {
	if name == "" {
		return nil
	}
	for _, c := range e.comps {
		if !c.removed && c.name == name {
			return c
		}
	}
	return nil
}

func (e *engine) live(k kind) []*comp {
	var out []*comp
	for _, c := range e.comps {
		if !c.removed && c.kind == k {
			out = append(out, c)
		}
	}
	return out
}

func (e *engine) computes() []*comp {
	var out []*comp
	for _, c := range e.comps {
		if !c.removed && c.kind.isCompute() {
			out = append(out, c)
		}
	}
	return out
}

// split cuts the lexemes into clauses at breaks.
func (e *engine) split() {
	start := 0
	for i := range e.lx {
		if e.lx[i].cat == cBreak {
			if i > start {
				e.clauses = append(e.clauses, [2]int{start, i})
			}
			e.lx[i].used = true
			start = i + 1
		}
	}
	if start < len(e.lx) {
		e.clauses = append(e.clauses, [2]int{start, len(e.lx)})
	}
	for _, cl := range e.clauses {
		for i := cl[0] + 1; i < cl[1]; i++ {
			e.lx[i].prevNorm = e.lx[i-1].norm
		}
	}
}

func (e *engine) interpret() {
	for _, cl := range e.clauses {
		e.clause(cl[0], cl[1])
	}
}

func (e *engine) clause(start, end int) {
	st := &clauseState{}
	for i := start; i < end; i++ {
		if e.lx[i].cat == cPerAZ && !e.lx[i].blocked {
			st.perAZ = true
		}
	}
	i := start
	// "Services:" heads a list; "admin: internal, port 8000" names what
	// the rest of the item describes.
	if k := e.skipBlocked(start, end); k+1 < end && e.lx[k+1].norm == ":" {
		l := &e.lx[k]
		switch {
		case l.cat == cHead && (k+2 == end || e.lx[k+2].cat == cBreak) || l.cat == cPayload:
			e.use(k, k+1)
			i = k + 2
		case l.cat == cUnknown && nameLike(l.norm):
			e.use(k, k+1)
			c := e.byName(sanitizeName(l.norm))
			if c == nil {
				c = &comp{kind: kService, role: "app", name: sanitizeName(l.norm), named: true}
				e.comps = append(e.comps, c)
			}
			e.attach(st, []*comp{c}, true)
			i = k + 2
		}
	}
	for i < end {
		l := &e.lx[i]
		if l.blocked {
			i++
			continue
		}
		// "one called ingest": one of the components just named.
		if l.norm == "one" && i+2 < end && e.lx[i+1].cat == cName && nameLike(e.lx[i+2].norm) {
			for _, c := range e.comps {
				if !c.removed && !c.named && !c.existing && c.kind.isComponent() && (len(st.comps) == 0 || c.kind == st.comps[0].kind) {
					e.use(i, i+1, i+2)
					e.rename(c, sanitizeName(e.lx[i+2].norm))
					st.rel, st.prep = "", ""
					e.attach(st, []*comp{c}, false)
					break
				}
			}
			if e.lx[i].used {
				i += 3
				continue
			}
		}
		switch l.cat {
		case cVerb:
			e.use(i)
			if e.unlinkVerb(st, l, i) {
				// "the worker doesn't need the queue anymore": the relation
				// goes, the queue stays.
				e.startRel(st, "unlink", "fwd", i, start)
				i++
				continue
			}
			if l.val == "modify" && (l.norm == "use" || l.norm == "run") && st.subject != nil {
				// "the api should use postgres": a relation.
				e.startRel(st, "fwd", "fwd", i, start)
				i++
				continue
			}
			st.mode, st.verbNorm = l.val, l.norm
			st.rel, st.with, st.neg, st.negStop = "", false, false, false
			if l.val == "disable" {
				st.neg = true
			}
			i++
			continue
		case cNeg:
			e.use(i)
			if l.val == "need" && e.subjectOf(st, i) {
				// "the api doesn't need the cache": a relation undone.
				e.startRel(st, "unlink", "fwd", i, start)
				i++
				continue
			}
			st.neg, st.negIdx, st.negStop = true, i, l.val == "stop"
			i++
			continue
		case cRel:
			e.use(i)
			rel := l.val
			switch {
			case st.neg && rel != "rev" && (e.subjectOf(st, i) || len(st.comps) > 0 && e.afterNP(st, i)):
				// "the worker no longer reads from the queue", "stops using
				// it", "the audit queue no longer subscribes to the topic"
				rel = "unlink"
			case st.neg && rel == "rev" && len(st.comps) > 0 && e.afterNP(st, i):
				// "the queue is no longer used by the worker"
				rel = "unlinkrev"
			}
			e.startRel(st, rel, l.val, i, start)
			i++
			continue
		case cPrep:
			e.use(i)
			st.prep = l.val
			switch l.val {
			case "with":
				st.with = st.rel == ""
			case "to":
				if (st.mode == "connect") && len(st.focus) > 0 && st.rel == "" {
					st.rel, st.relIdx, st.relObjs = "fwd", i, 0
					st.subject = st.focus[0]
				}
			case "from":
				if st.mode == "disconnect" && len(st.focus) > 0 {
					st.rel, st.relIdx, st.relObjs = "unlink", i, 0
					st.subject = st.focus[0]
				}
			}
			i++
			continue
		case cAnd, cOr:
			e.use(i)
			i++
			st.lastAnd = true
			continue
		case cPron:
			e.use(i)
			c := e.pronoun(st)
			if c != nil {
				e.attach(st, []*comp{c}, false)
				st.npEnd = i + 1
			}
			i++
			continue
		case cName:
			// "call it shop", "name it shop"
			if i+1 < end && (nameLike(e.lx[i+1].norm) || e.lx[i+1].cat == cQuoted) {
				if n := nameOf(e.lx[i+1]); n != "" && (l.norm == "name it" || l.norm == "call it" || len(st.focus) == 0) {
					e.setSpecName(n)
					e.use(i, i+1)
					i += 2
					continue
				}
				if len(st.focus) == 1 {
					e.rename(st.focus[0], nameOf(e.lx[i+1]))
					e.use(i, i+1)
					i += 2
					continue
				}
			}
			i++
			continue
		case cUnsupp:
			e.use(i)
			e.unsupported(st, l)
			i++
			continue
		case cNoop:
			e.use(i)
			if l.val == "https" {
				e.https = true
			}
			i++
			continue
		case cStop, cDet, cRange:
			if l.cat == cStop || l.cat == cDet && l.val != "all" {
				e.use(i)
				if l.cat == cStop {
					i++
					continue
				}
			}
		}
		if n := e.scanNP(i, end); n != nil {
			st.pred = e.predicateAt(n.end, end)
			e.nounPhrase(st, n)
			st.pred = false
			st.npEnd = n.end
			i = n.end
			st.lastAnd = false
			continue
		}
		if l.cat != cDet {
			st.lastAnd = false
		}
		if m, k, ok := e.scanValue(i, end); ok && k > i {
			if st.mode == "rename" && m.what == "specname" {
				m.what = "name"
			}
			e.applyMod(st, m)
			i = k
			continue
		}
		if l.cat == cDet || l.cat == cRange {
			e.use(i)
		}
		if (l.cat == cUnknown || l.cat == cPayload) && st.mode == "rename" && len(st.focus) == 1 && st.prep == "to" && nameLike(l.norm) {
			e.rename(st.focus[0], sanitizeName(l.norm))
			e.use(i)
		}
		if l.cat == cPayload {
			e.use(i)
			if st.prep == "for" && len(st.focus) == 1 && !st.focus[0].named && st.focus[0].kind.isComponent() && !st.focus[0].kind.isCompute() {
				e.rename(st.focus[0], sanitizeName(l.norm))
			}
			st.prep = ""
		}
		i++
	}
	// Modifiers that found no component when they were read; in a clause
	// with an ambiguous reference they are not guessed onto anything.
	for _, m := range st.deferred {
		if st.ambig || !e.applyDeferred(st, m) {
			e.unplaced(m)
		}
	}
	if st.rel != "" && st.relObjs == 0 && st.rel != "unlink" && st.rel != "unlinkrev" {
		// "an api that the worker calls": the object came first.
		n := len(st.comps)
		if n >= 2 && st.comps[n-1].kind.isCompute() && st.comps[n-1] == st.subject {
			e.link(st.comps[n-1], st.comps[n-2], "fwd")
			e.use(st.relIdx)
		} else {
			e.lx[st.relIdx].used = false
		}
	}
}

// startRel begins a relation at lexeme i. A relative clause ("a worker
// that reads from ...", "which uses ...") belongs to the nearest head
// before it only, not to every subject joined by "and".
//
// For "unlink" (a relation undone) orig is the relation that is undone:
// a queue or topic before "subscribes to" or "feeds" is what stops, else
// the clause's subjects.
func (e *engine) startRel(st *clauseState, rel, orig string, i, start int) {
	st.rel, st.relIdx, st.relObjs = rel, i, 0
	st.relSrc = nil
	if len(st.comps) > 0 {
		st.relSrc = st.comps[len(st.comps)-1]
	}
	st.with = false
	if st.subject != nil && e.relativeAt(i, start) {
		st.subjects = []*comp{st.subject}
	}
	st.unlinkFrom = nil
	if rel == "unlink" || rel == "unlinkrev" {
		st.neg, st.negStop = false, false
	}
	if rel == "unlink" {
		src := st.relSrc
		switch {
		case src != nil && !src.kind.isCompute() && (orig == "sub" || orig == "feeds"):
			st.unlinkFrom = []*comp{src}
		case st.subject != nil:
			st.unlinkFrom = []*comp{st.subject}
			if slices.Contains(st.subjects, st.subject) {
				st.unlinkFrom = st.subjects
			}
		case src != nil:
			st.unlinkFrom = []*comp{src}
		}
	}
}

// relativeAt reports whether the relation at lexeme i opens a relative
// clause: "that", "which" or "who" before it with only filler between
// (a relation phrase may start with the pronoun itself: "that routes
// to"). "both", "all" or "each" between ("which both use") is plural and
// keeps the subjects shared.
func (e *engine) relativeAt(i, start int) bool {
	for k := i; k >= start; k-- {
		l := &e.lx[k]
		if l.blocked {
			continue
		}
		first, _, _ := strings.Cut(l.norm, " ")
		if first == "that" || first == "which" || first == "who" {
			return true
		}
		if k < i && l.cat != cStop && l.cat != cNeg {
			return false
		}
	}
	return false
}

// predicateAt reports whether a relation, verb or negation comes at i,
// after filler only: the noun phrase before i is its subject.
func (e *engine) predicateAt(i, end int) bool {
	for ; i < end; i++ {
		l := &e.lx[i]
		switch {
		case l.blocked:
		case l.cat == cStop && !slices.Contains(personal, l.norm):
		case l.cat == cRel && l.val != "rev", l.cat == cNeg, l.cat == cVerb:
			return true
		default:
			return false
		}
	}
	return false
}

// personal words stand for the speaker or the reader, not a component:
// "we no longer need the cache" is about the cache, not the api before.
var personal = []string{"i", "we", "you", "us", "me", "i'd", "we'd", "i'm", "we're", "we'll", "id"}

// subjectOf reports whether the clause's subject is the grammatical
// subject of the word at i: the subject was the last noun phrase, and
// only filler or a negation lies between ("the worker no longer uses",
// "the api, which doesn't need").
func (e *engine) subjectOf(st *clauseState, i int) bool {
	return st.subject != nil && slices.Contains(st.comps, st.subject) && e.afterNP(st, i)
}

// afterNP reports whether only filler or a negation lies between the
// clause's last noun phrase and lexeme i.
func (e *engine) afterNP(st *clauseState, i int) bool {
	if st.npEnd == 0 || st.npEnd > i {
		return false
	}
	for k := st.npEnd; k < i; k++ {
		l := &e.lx[k]
		switch {
		case l.blocked, l.cat == cNeg, l.cat == cAnd && l.norm == ",":
		case l.cat == cStop && !slices.Contains(personal, l.norm):
		default:
			return false
		}
	}
	return true
}

// unlinkVerb reports whether verb l at i undoes a relation of the
// clause's subject: "no longer needs", "doesn't need", "does not use".
func (e *engine) unlinkVerb(st *clauseState, l *lexeme, i int) bool {
	switch {
	case l.val == "remove" && strings.Contains(l.norm, "need"):
	case st.neg && l.val == "add" && (l.norm == "need" || l.norm == "want"):
	case st.neg && l.val == "modify" && (l.norm == "use" || l.norm == "run"):
	default:
		return false
	}
	return e.subjectOf(st, i)
}

// pronoun resolves "it" and "them": the last component named that is not
// the clause's subject.
func (e *engine) pronoun(st *clauseState) *comp {
	if st.rel != "" {
		for k := len(st.comps) - 1; k >= 0; k-- {
			if st.comps[k] != st.subject {
				return st.comps[k]
			}
		}
		if e.lastAny != nil && e.lastAny != st.subject {
			return e.lastAny
		}
		for k := len(e.comps) - 1; k >= 0; k-- {
			if c := e.comps[k]; !c.removed && c != st.subject && !c.kind.isCompute() {
				return c
			}
		}
		return nil
	}
	return e.lastAny
}

func (e *engine) setSpecName(n string) {
	if n == "" {
		return
	}
	e.s.Name = n
	e.nameSet = true
}

func (e *engine) rename(c *comp, n string) {
	if n == "" || n == c.name {
		return
	}
	if o := e.byName(n); o != nil && o != c {
		if c.existing || c.named {
			e.warn("kept the name %q: %q is already the name of another component", c.name, n)
			return
		}
		// "an orders api that publishes to an orders topic"
		alt := n + "-" + kindSlug[c.kind]
		for k := 2; e.byName(alt) != nil; k++ {
			alt = fmt.Sprintf("%s-%s-%d", n, kindSlug[c.kind], k)
		}
		c.name, c.named = alt, true
		c.note(".name", alt, fmt.Sprintf("%q is already the name of another component", n))
		return
	}
	c.name, c.named = n, true
}

var kindSlug = map[kind]string{kService: "service", kDatabase: "db", kCache: "cache", kQueue: "queue", kTopic: "topic", kTable: "table", kBucket: "bucket", kSite: "site", kFunction: "function"}

func (e *engine) unsupported(st *clauseState, l *lexeme) {
	if l.val == "nlb" {
		e.warn("%s", unsupportedMsg(l.val))
		e.frontDoor(st, "alb", st.neg)
		st.neg = false
		return
	}
	if st.neg {
		// "no Kubernetes", "without EC2": nothing to do.
		st.neg = false
		return
	}
	e.warn("%s", unsupportedMsg(l.val))
}

// nounPhrase resolves or creates what a noun phrase names and relates it
// to the clause.
func (e *engine) nounPhrase(st *clauseState, n *np) {
	idx := []int{}
	for k := n.start; k < n.end; k++ {
		if !e.lx[k].blocked {
			idx = append(idx, k)
		}
	}
	neg := st.neg
	if neg && st.negStop {
		// "stop" negates a relation ("stops using"), not a component.
		neg = false
		e.lx[st.negIdx].used = false
	}
	st.neg, st.negStop = false, false
	switch n.kind {
	case kNetwork:
		e.use(idx...)
		e.applyMods(st, nil, n.mods)
		return
	case kNAT:
		e.use(idx...)
		e.applyMods(st, nil, n.mods)
		switch {
		case neg || st.mode == "remove" || st.mode == "disable":
			e.s.Network.NAT = spec.NATNone
		case st.perAZ || n.count >= 2:
			e.s.Network.NAT = spec.NATPerAZ
		default:
			e.s.Network.NAT = spec.NATSingle
		}
		return
	case kEndpoints:
		e.use(idx...)
		e.s.Network.Endpoints = !(neg || st.mode == "remove" || st.mode == "disable")
		return
	case kLB, kAPIGW:
		if st.rel == "behind" || st.rel == "front" {
			e.use(st.relIdx)
			st.relObjs++
			st.related = true
		}
	}
	switch n.kind {
	case kLB:
		e.use(idx...)
		e.applyMods(st, nil, n.mods)
		e.frontDoor(st, n.role, neg || st.mode == "remove" || st.mode == "disable")
		return
	case kAPIGW:
		e.use(idx...)
		e.apiGateway(st, neg || st.mode == "remove" || st.mode == "disable")
		return
	case kApp:
		e.use(idx...)
		e.applyMods(st, nil, n.mods)
		if n.name != "" {
			e.setSpecName(n.name)
		} else if len(n.nameWords) > 0 {
			e.setSpecName(e.nameFrom(n.nameWords))
		}
		return
	}
	headNorm := ""
	if n.head >= 0 {
		headNorm = e.lx[n.head].norm
	}
	// "a service with 3 containers": the count of the service, not a new one.
	if n.kind == kService && (headNorm == "container" || headNorm == "containers") && n.count > 0 && st.subject != nil && st.subject.kind == kService {
		e.use(idx...)
		e.setCount(st.subject, mod{what: "count", n: n.count})
		return
	}
	// "a REST API on Lambda", "a worker as a Lambda function": the service
	// just named is a function.
	if n.kind == kFunction && n.det != "def" && n.name == "" && len(n.nameWords) == 0 && len(st.comps) > 0 && st.rel == "" {
		prev := st.comps[len(st.comps)-1]
		if prev.kind == kService && !prev.existing && e.prepBefore(n.start, "on", "in") && st.npEnd > 0 && e.samePhrase(st.npEnd, n.start) {
			e.use(idx...)
			e.toFunction(prev)
			e.applyMods(st, []*comp{prev}, n.mods)
			return
		}
	}
	// "a static site with a CDN", "a React app behind CloudFront": the
	// CDN is the site's own, not a second site.
	if n.kind == kSite && n.role == "cdn" && !neg && st.mode != "remove" {
		if site := e.siteFor(st); site != nil {
			e.use(idx...)
			e.applyMods(st, []*comp{site}, n.mods)
			e.attach(st, []*comp{site}, false)
			return
		}
	}
	// A site named after a CDN alone is that CDN's site.
	if n.kind == kSite && n.role != "cdn" && n.det != "def" && !neg && st.mode != "remove" {
		for _, c := range e.comps {
			if c.cdnOnly && !c.removed {
				c.cdnOnly, c.role = false, n.role
				e.use(idx...)
				if n.name != "" {
					e.rename(c, n.name)
				} else if len(n.nameWords) > 0 {
					e.rename(c, e.nameFrom(n.nameWords))
				}
				e.applyMods(st, []*comp{c}, n.mods)
				e.attach(st, []*comp{c}, false)
				return
			}
		}
	}
	// Which components the phrase means.
	var targets []*comp
	unlink := st.rel == "unlink" || st.rel == "unlinkrev"
	resolve := n.det == "def" || n.det == "all" ||
		e.change && n.det != "indef" && st.mode != "add" && st.mode != "" ||
		st.mode == "remove" || neg && e.change || unlink
	if resolve {
		targets = e.resolve(n, st)
		if targets != nil && len(targets) == 0 {
			// Ambiguous: resolve has said so. Nothing in the clause that
			// would have applied to it is applied to anything else.
			st.ambig, st.focus = true, nil
		}
	}
	if unlink && targets == nil {
		// Nothing to disconnect: never create a component to undo a relation.
		e.use(idx...)
		st.relObjs++
		e.use(st.relIdx)
		e.warn("there is no %s %q to disconnect; nothing was changed for it", n.kind, e.desc[e.lx[n.start].pos:e.lx[n.end-1].end])
		return
	}
	if neg {
		e.use(idx...)
		if e.change || len(targets) > 0 {
			for _, c := range targets {
				e.remove(c)
			}
			if targets == nil && e.change {
				e.warn("hoist.yaml has no %s to remove", n.kind)
			}
		} else {
			e.negated = append(e.negated, n.kind)
		}
		return
	}
	if st.mode == "remove" && st.prep == "from" && len(st.deferred) > 0 && len(targets) > 0 {
		// "remove multi-AZ from the database"
		e.use(idx...)
		pending := st.deferred
		st.deferred = nil
		for _, m := range pending {
			placed := false
			for _, c := range targets {
				if e.applyTo(st, c, m) {
					placed = true
				}
			}
			if !placed {
				st.deferred = append(st.deferred, m)
			}
		}
		st.focus = targets
		st.prep = ""
		return
	}
	if st.mode == "remove" {
		e.use(idx...)
		if targets == nil {
			e.warn("hoist.yaml has no %s to remove", n.kind)
		}
		for _, c := range targets {
			if len(n.mods) > 0 && !hasEngineOnly(n.mods) {
				// "remove multi-AZ from the database" reads the other way round.
				e.applyMods(st, []*comp{c}, negateAll(n.mods))
				continue
			}
			e.remove(c)
		}
		st.focus = targets
		return
	}
	if len(targets) == 0 && targets != nil {
		e.use(idx...)
		return // ambiguous: resolve has said so
	}
	if targets == nil && resolve && e.change && n.det == "def" && st.mode != "add" && st.rel == "" && !st.with && !(st.mode == "connect") {
		e.use(idx...)
		e.warn("hoist.yaml has no %s %q; nothing was changed for it", n.kind, e.desc[e.lx[n.start].pos:e.lx[n.end-1].end])
		return
	}
	// In "switch the database to mysql", the engine changes what the clause
	// is about instead of naming a new database.
	if len(targets) == 0 && n.head < 0 && n.det == "" && (st.mode == "modify" || st.mode == "rename") && len(st.focus) == 1 && st.focus[0].kind == n.kind {
		targets = st.focus
		e.use(idx...)
		e.applyMods(st, targets, n.mods)
		return
	}
	created := false
	if len(targets) == 0 && len(e.comps) >= maxComps {
		e.use(idx...)
		e.warn("the description names more than %d components; the rest were left out", maxComps)
		return
	}
	if len(targets) == 0 {
		count := 1
		if n.kind != kService && n.count > 1 && n.count <= 10 {
			count = int(n.count)
		}
		for k := 0; k < count; k++ {
			targets = append(targets, e.create(n))
		}
		created = true
	}
	e.use(idx...)
	if created && n.kind == kSite && n.role == "cdn" {
		for _, c := range targets {
			c.role, c.cdnOnly = "site", true
		}
	}
	if created && n.kind == kService && n.count > 1 {
		e.setCount(targets[0], mod{what: "count", n: n.count})
	}
	if n.name != "" && len(targets) == 1 {
		e.rename(targets[0], n.name)
	} else if len(n.nameWords) > 0 && len(targets) == 1 && (created || e.byName(e.nameFrom(n.nameWords)) == nil) {
		e.rename(targets[0], e.nameFrom(n.nameWords))
	}
	e.applyMods(st, targets, n.mods)
	e.attach(st, targets, created)
}

// prepBefore reports whether the lexeme right before i (blocked ones
// skipped) is one of the prepositions vals ("on", "in"; "as" is "on").
func (e *engine) prepBefore(i int, vals ...string) bool {
	for k := i - 1; k >= 0; k-- {
		l := &e.lx[k]
		if l.blocked {
			continue
		}
		return l.cat == cPrep && slices.Contains(vals, l.val)
	}
	return false
}

// samePhrase reports whether lexemes from..to still describe the phrase
// before them: no conjunction, relation, verb or negation between ("a
// REST API on Lambda", "an api running as a Lambda function", "an api
// with 2 GB on Lambda", but not "a web app with 3 tasks and a python
// lambda").
func (e *engine) samePhrase(from, to int) bool {
	for k := from; k < to; k++ {
		switch l := &e.lx[k]; {
		case l.blocked:
		case l.cat == cAnd, l.cat == cOr, l.cat == cRel, l.cat == cVerb, l.cat == cNeg:
			return false
		}
	}
	return true
}

func hasEngineOnly(ms []mod) bool {
	for _, m := range ms {
		if m.what != "engine" && m.what != "lang" {
			return false
		}
	}
	return true
}

func negateAll(ms []mod) []mod {
	out := make([]mod, len(ms))
	for i, m := range ms {
		m.neg = true
		out[i] = m
	}
	return out
}

// attach makes the components the clause's focus and relates them to its
// subject as the pending relation says.
func (e *engine) attach(st *clauseState, targets []*comp, created bool) {
	for _, c := range targets {
		switch {
		case st.rel != "":
			if c.kind.isCompute() && (created || st.pred && st.lastAnd) && st.relObjs > 0 && st.rel != "rev" {
				// "... and a worker that ...", "... and the api uses ...": a
				// new subject ends the relation.
				st.rel = ""
				st.subject = c
				break
			}
			e.relate(st, c)
		case st.with && st.subject != nil && !c.kind.isCompute() && c != st.subject:
			e.link(st.subject, c, "fwd")
		case st.prep == "for" && c.kind.isCompute() && len(st.focus) > 0 && !st.focus[0].kind.isCompute():
			// "a database and a cache for the api"
			for _, o := range st.comps {
				if !o.kind.isCompute() {
					e.link(c, o, "fwd")
				}
			}
		case st.prep == "to" && st.mode == "add" && c.kind.isCompute() && len(st.focus) > 0 && !st.focus[0].kind.isCompute():
			// "add a cache to the api"
			for _, f := range st.focus {
				e.link(c, f, "fwd")
			}
		}
		if c.kind.isCompute() {
			if st.rel == "" || st.subject == c {
				if st.lastAnd && !st.related && st.subject != nil && slices.Contains(st.subjects, st.subject) && len(st.comps) > 0 && st.comps[len(st.comps)-1] == st.subject {
					st.subjects = append(st.subjects, c)
				} else {
					st.subjects = []*comp{c}
					st.related = false
				}
				st.subject = c
			}
			e.lastCompute = c
		}
		e.lastAny = c
	}
	st.focus = targets
	st.comps = append(st.comps, targets...)
	st.prep = ""
	// Modifiers waiting for a component may now find one.
	var still []mod
	for _, m := range st.deferred {
		placed := false
		for _, c := range targets {
			if e.applyTo(st, c, m) {
				placed = true
				break
			}
		}
		if !placed {
			still = append(still, m)
		}
	}
	st.deferred = still
}

// relate applies the pending relation between the clause's subject and c.
func (e *engine) relate(st *clauseState, c *comp) {
	st.relObjs++
	st.related = true
	e.use(st.relIdx)
	switch st.rel {
	case "fwd", "consume", "sub":
		sub := st.subject
		if st.rel == "sub" && st.relSrc != nil && (st.relSrc.kind == kQueue || st.relSrc.kind == kFunction) {
			sub = st.relSrc // "a queue subscribed to the topic"
		}
		if (sub == nil || sub == c) && !st.ambig {
			sub = e.nearestCompute(c)
		}
		if (sub == nil || sub == c) && st.ambig {
			return // the subject was ambiguous, and resolve has said so
		}
		if sub == nil {
			// "a queue that feeds ...", the subject is not compute.
			if len(st.comps) > 0 && !st.comps[len(st.comps)-1].kind.isCompute() && c.kind.isCompute() {
				e.link(c, st.comps[len(st.comps)-1], "fwd")
				return
			}
			e.warn("%q has no service or function to attach to", e.lx[st.relIdx].text)
			return
		}
		subs := []*comp{sub}
		if slices.Contains(st.subjects, sub) {
			subs = st.subjects
		}
		for _, sub := range subs {
			if st.rel == "consume" && sub.kind == kService && !sub.portSet && !sub.publicSet {
				sub.consumer = true
			}
			e.link(sub, c, st.rel)
		}
	case "rev":
		// "a database used by the api": the object depends on the focus.
		if obj := e.prevNonCompute(st, c); obj != nil && c.kind.isCompute() {
			e.link(c, obj, "fwd")
		}
	case "feeds":
		src := st.relSrc
		if src == nil || src == c || src.kind.isCompute() {
			src = e.prevNonCompute(st, c)
		}
		if src == nil {
			if st.subject != nil {
				e.link(st.subject, c, "fwd")
			}
			return
		}
		switch {
		case src.kind == kTopic && (c.kind == kQueue || c.kind == kFunction):
			src.addSub(c)
		case src.kind == kQueue && c.kind.isCompute():
			if c.kind == kService && !c.portSet && !c.publicSet {
				c.consumer = true
			}
			e.link(c, src, "fwd")
		case c.kind.isCompute():
			e.link(c, src, "fwd")
		}
	case "behind", "front":
		// front is what stands in front ("a CDN in front of the bucket",
		// "the site behind CloudFront"), back what it serves.
		front, back := st.relSrc, c
		if st.rel == "behind" {
			front, back = c, st.relSrc
			if back == nil {
				back = st.subject
			}
		}
		e.cdnOrigin(front, back)
	case "unlink":
		subs := st.unlinkFrom
		if len(subs) == 0 {
			// "disconnect the worker from the queue"
			subs = []*comp{st.subject}
		}
		for _, sub := range subs {
			e.unlink(sub, c)
		}
	case "unlinkrev":
		// "the queue is no longer used by the worker"
		e.unlink(c, e.prevNonCompute(st, c))
	}
}

// unlink undoes sub's use of obj (a dependency or a subscription) and
// keeps both components.
func (e *engine) unlink(sub, obj *comp) {
	if sub == nil || obj == nil || sub == obj {
		return
	}
	e.unlinked = append(e.unlinked, [2]*comp{sub, obj})
	n := len(sub.deps) + len(sub.subs) + len(obj.subs) + len(sub.rawDeps)
	sub.deps = slices.DeleteFunc(sub.deps, func(d *comp) bool { return d == obj })
	sub.rawDeps = slices.DeleteFunc(sub.rawDeps, func(d string) bool { return obj.name != "" && d == obj.name })
	if sub.kind == kTopic {
		sub.subs = slices.DeleteFunc(sub.subs, func(d *comp) bool { return d == obj })
	}
	if obj.kind == kTopic {
		obj.subs = slices.DeleteFunc(obj.subs, func(d *comp) bool { return d == sub })
	}
	if n == len(sub.deps)+len(sub.subs)+len(obj.subs)+len(sub.rawDeps) && (sub.existing || obj.existing) {
		e.warn("%s does not use %s; nothing was changed for it", nameOrKind(sub), nameOrKind(obj))
	}
}

// siteFor is the static site a CDN phrase means: the last one named in
// the clause, else the last one named in the description, else the only
// one in the spec being changed.
func (e *engine) siteFor(st *clauseState) *comp {
	for k := len(st.comps) - 1; k >= 0; k-- {
		if c := st.comps[k]; c.kind == kSite && !c.removed {
			return c
		}
	}
	var fresh, all []*comp
	for _, c := range e.live(kSite) {
		all = append(all, c)
		if !c.existing {
			fresh = append(fresh, c)
		}
	}
	if len(fresh) > 0 {
		return fresh[len(fresh)-1]
	}
	if len(all) == 1 {
		return all[0]
	}
	return nil
}

// cdnOrigin relates a CDN (a static site) to what it stands in front of.
// A bucket the description just named is the site's own bucket, so it is
// no separate one; hoist.yaml cannot put CloudFront in front of a service
// or of a bucket that exists already, and a site made from the CDN phrase
// alone is then dropped.
func (e *engine) cdnOrigin(front, back *comp) {
	if front == nil || back == nil || front.kind != kSite || front == back {
		return
	}
	switch back.kind {
	case kService, kFunction:
		e.warn("%s", unsupportedMsg("cdn-for-service"))
	case kBucket:
		if !back.existing {
			e.remove(back) // the site's own bucket
			return
		}
		e.warn("hoist.yaml puts CloudFront only in front of a static site's own bucket, not in front of bucket %s; describe a static site instead", back.name)
	default:
		return
	}
	if front.cdnOnly {
		e.remove(front)
	}
}

func (e *engine) prevNonCompute(st *clauseState, not *comp) *comp {
	for k := len(st.comps) - 1; k >= 0; k-- {
		if c := st.comps[k]; c != not && !c.kind.isCompute() {
			return c
		}
	}
	return nil
}

// nearestCompute is the service or function a relation attaches to when
// its clause names none: the last one named, or the only one there is.
func (e *engine) nearestCompute(not *comp) *comp {
	if e.lastCompute != nil && e.lastCompute != not && !e.lastCompute.removed {
		return e.lastCompute
	}
	var cands []*comp
	for _, c := range e.computes() {
		if c != not {
			cands = append(cands, c)
		}
	}
	if len(cands) == 1 {
		return cands[0]
	}
	return nil
}

// link records that sub uses obj, the way the relation says.
func (e *engine) link(sub, obj *comp, rel string) {
	if sub == nil || obj == nil || sub == obj {
		return
	}
	switch {
	case obj.kind == kTopic && rel == "sub":
		if sub.kind == kQueue || sub.kind == kFunction {
			obj.addSub(sub)
			return
		}
		if sub.kind == kService {
			e.warn("a service cannot subscribe to a topic; %s gets publish access to %s, or subscribe a queue it reads from", sub.name, obj.name)
		}
		sub.addDep(obj)
	case sub.kind.isCompute():
		if obj.kind == kSite {
			return
		}
		if obj.kind == kQueue && sub.kind == kFunction && rel == "consume" {
			e.warn("hoist.yaml has no queue trigger for functions; %s may read %s but is not invoked by it", nameOrKind(sub), nameOrKind(obj))
		}
		sub.addDep(obj)
	case sub.kind == kTopic && (obj.kind == kQueue || obj.kind == kFunction):
		sub.addSub(obj)
	case sub.kind == kQueue && obj.kind == kTopic:
		obj.addSub(sub)
	}
}

func nameOrKind(c *comp) string {
	if c.name != "" {
		return c.name
	}
	return "the " + c.kind.String()
}

// resolve finds the existing components a definite phrase names.
func (e *engine) resolve(n *np, st *clauseState) []*comp {
	if len(n.nameWords) > 0 || n.name != "" {
		name := n.name
		if name == "" {
			name = e.nameFrom(n.nameWords)
		}
		if c := e.byName(name); c != nil && (c.kind == n.kind || n.kind == kNone) {
			return []*comp{c}
		}
		if len(n.nameWords) == 1 {
			if c := e.byName(e.lx[n.nameWords[0]].norm); c != nil && c.kind == n.kind {
				return []*comp{c}
			}
		}
	}
	cands := e.live(n.kind)
	if n.kind == kDatabase && len(cands) == 0 {
		cands = e.live(kTable)
	}
	if n.det == "all" {
		return cands
	}
	if len(cands) == 0 {
		return nil
	}
	// A head or engine word that is a component's name: "the worker".
	if n.head >= 0 {
		if c := e.byName(singularOr(e.lx[n.head].norm)); c != nil && c.kind == n.kind {
			return []*comp{c}
		}
		if n.role != "" {
			if c := e.byName(n.role); c != nil && c.kind == n.kind {
				return []*comp{c}
			}
		}
	}
	var matching []*comp
	for _, m := range n.mods {
		if m.what == "engine" {
			for _, c := range cands {
				if c.kind == kDatabase && (c.db.Engine == m.s || strings.HasPrefix(c.db.Engine, m.s)) || c.kind == kCache && c.cache.Engine == m.s {
					matching = append(matching, c)
				}
			}
		}
	}
	if len(matching) == 1 {
		return matching
	}
	if len(cands) == 1 && (n.role == "" || n.role == "app" || cands[0].role == n.role || n.head < 0 || e.change && n.role != "worker") {
		return cands
	}
	if n.role == "worker" {
		var workers []*comp
		for _, c := range cands {
			if !c.isWeb() {
				workers = append(workers, c)
			}
		}
		if len(workers) == 1 {
			return workers
		}
	}
	// In a new description the last one named is meant.
	if !e.change {
		for k := len(e.comps) - 1; k >= 0; k-- {
			if c := e.comps[k]; !c.removed && c.kind == n.kind && !c.existing && (n.role == "" || n.role == "app" || c.role == n.role || n.head < 0) {
				return []*comp{c}
			}
		}
	}
	if !e.change {
		return nil
	}
	var names []string
	for _, c := range cands {
		names = append(names, c.name)
	}
	e.warn("%q could mean any of %s; name the one you mean (nothing was changed for it)", strings.TrimSpace(e.desc[e.lx[n.start].pos:e.lx[n.end-1].end]), strings.Join(names, ", "))
	return []*comp{}
}

func singularOr(w string) string {
	if s := singular(w); s != "" {
		return s
	}
	return w
}

// create adds a new component for a noun phrase.
func (e *engine) create(n *np) *comp {
	c := &comp{kind: n.kind, role: n.role}
	if c.kind == kDatabase {
		for _, m := range n.mods {
			if m.what == "engine" && m.s == "dynamodb" {
				c.kind = kTable
			}
		}
	}
	e.comps = append(e.comps, c)
	return c
}

func (e *engine) remove(c *comp) {
	c.removed = true
	for _, o := range e.comps {
		o.deps = slices.DeleteFunc(o.deps, func(d *comp) bool { return d == c })
		o.subs = slices.DeleteFunc(o.subs, func(d *comp) bool { return d == c })
		if c.name != "" {
			o.rawDeps = slices.DeleteFunc(o.rawDeps, func(d string) bool { return d == c.name })
		}
	}
	if e.lastCompute == c {
		e.lastCompute = nil
	}
	if e.lastAny == c {
		e.lastAny = nil
	}
}

// toFunction turns a service just named into a Lambda function: "a REST
// API on Lambda", "a serverless api".
func (e *engine) toFunction(c *comp) {
	if c.kind != kService {
		return
	}
	c.kind = kFunction
	e.setFnRuntime(c, c.svc.Runtime.Language, c.svc.Runtime.Version)
	c.fn.Env, c.fn.Secrets = c.svc.Env, c.svc.Secrets
	c.fn.Architecture = c.svc.Architecture
	if c.role != "worker" {
		c.fn.HTTP = true
	}
	// What a service has and a function does not is dropped, and said.
	var lost []string
	if c.svc.MinCount != 0 || c.svc.MaxCount != 0 {
		lost = append(lost, "task count")
	}
	if c.portSet {
		lost = append(lost, "port")
	}
	if c.svc.CPU != 0 {
		lost = append(lost, "cpu")
	}
	if m := c.svc.Memory; m != 0 {
		if m >= 128 && m <= 10240 {
			c.fn.Memory = m
		} else {
			lost = append(lost, "memory of "+fmtNum(float64(m))+" MiB")
		}
	}
	if c.svc.HealthCheck.Path != "" {
		lost = append(lost, "health check")
	}
	if c.svc.Domain != "" {
		lost = append(lost, "custom domain")
	}
	if len(lost) > 0 {
		e.warn("a Lambda function has no %s; dropped when the %s became a function", strings.Join(lost, ", "), c.roleWord())
	}
	c.notes = slices.DeleteFunc(c.notes, func(n note) bool {
		return n.field == ".cpu" || n.field == ".memory" || n.field == ".port" || n.field == ".public"
	})
	c.svc = spec.Service{}
	c.portSet, c.publicSet = false, false
}

// frontDoor handles a load balancer: it makes the clause's service (or
// the next one) public, or says what "no load balancer" can mean.
func (e *engine) frontDoor(st *clauseState, role string, neg bool) {
	target := st.subject
	if target == nil && len(st.focus) == 1 && st.focus[0].kind == kService {
		target = st.focus[0]
	}
	if target == nil {
		target = e.lastCompute
	}
	if neg {
		if target != nil && target.kind == kService && target.isWeb() {
			e.warn("%s serves HTTP, and an ECS web service always sits behind a load balancer; to run without one, make it a worker (no port)", nameOrKind(target))
		}
		e.lbNegated = true
		return
	}
	if target == nil || target.kind != kService {
		if st.rel == "front" || target == nil {
			e.pendingLB = true
			if role == "internal" {
				e.pendingLB = false
			}
			return
		}
		return
	}
	if role == "internal" {
		target.svc.Public, target.publicSet = false, true
		return
	}
	target.svc.Public, target.publicSet = true, true
}

func (e *engine) apiGateway(st *clauseState, neg bool) {
	var target *comp
	for _, c := range []*comp{st.subject, e.lastCompute} {
		if c != nil && c.kind == kFunction {
			target = c
			break
		}
	}
	if target == nil {
		if fs := e.live(kFunction); len(fs) == 1 {
			target = fs[0]
		}
	}
	if target == nil {
		if st.subject != nil && st.subject.kind == kService {
			e.warn("hoist.yaml puts API Gateway only in front of Lambda functions; %s is served by its load balancer", nameOrKind(st.subject))
			return
		}
		e.pendingHTTP = !neg
		return
	}
	target.fn.HTTP = !neg
}

// applyMods applies premodifiers to the components of their phrase, or to
// the clause when there are none (a VPC's "3 AZs").
func (e *engine) applyMods(st *clauseState, targets []*comp, ms []mod) {
	for _, m := range ms {
		if e.applyGlobal(m) {
			continue
		}
		placed := false
		for _, c := range targets {
			if e.applyTo(st, c, m) {
				placed = true
			}
		}
		if !placed {
			if len(targets) > 0 {
				e.unplaced(m)
			} else {
				st.deferred = append(st.deferred, m)
			}
		}
	}
}

// applyMod applies a standalone modifier: to the clause's focus if it
// fits, else to the nearest component in the clause that it fits, else
// later (when a component is named) or to the description's last one.
func (e *engine) applyMod(st *clauseState, m mod) {
	if st.neg {
		m.neg = true
		st.neg = false
	}
	if st.mode == "disable" || st.mode == "remove" {
		m.neg = true
	}
	if e.applyGlobal(m) {
		return
	}
	if m.what == "field:health" {
		e.use(m.idx...)
		return
	}
	if st.ambig && len(st.focus) == 0 {
		// "make the database multi-AZ" with two databases: not applied.
		st.deferred = append(st.deferred, m)
		return
	}
	if st.prep == "with" && len(st.focus) > 0 {
		// "a database with 8 GB memory": what follows "with" belongs to
		// the phrase before it, or to nothing.
		if e.applyFocus(st, m) {
			return
		}
		if !st.focus[0].kind.isCompute() && !globalMod(m) {
			e.unplaced(m)
			return
		}
	}
	if e.applyFocus(st, m) {
		return
	}
	for k := len(st.comps) - 1; k >= 0; k-- {
		if e.applyTo(st, st.comps[k], m) {
			return
		}
	}
	if st.subject != nil && e.applyTo(st, st.subject, m) {
		return
	}
	st.deferred = append(st.deferred, m)
}

// applyFocus applies m to every component in the clause's focus that it
// fits ("make all the databases multi-AZ"), and reports whether any took it.
func (e *engine) applyFocus(st *clauseState, m mod) bool {
	placed := false
	for _, c := range st.focus {
		if e.applyTo(st, c, m) {
			placed = true
		}
	}
	return placed
}

func (e *engine) applyDeferred(st *clauseState, m mod) bool {
	if m.what == "attr" && (m.s == "arm64" || m.s == "x86_64" || m.s == "ha" || m.s == "multiaz") && len(st.comps) == 0 {
		// "everything on Graviton", "highly available": every component
		// the flag fits.
		placed := false
		for _, c := range e.comps {
			if !c.removed && e.applyTo(st, c, m) {
				placed = true
			}
		}
		if m.s == "ha" && !m.neg {
			e.s.Network.NAT = spec.NATPerAZ
			e.use(m.idx...)
			placed = true
			for _, c := range e.comps {
				if !c.removed && c.kind == kService && c.svc.MinCount < 2 {
					c.svc.MinCount = 2
				}
			}
		}
		return placed
	}
	for _, c := range []*comp{e.lastAny, e.lastCompute} {
		if c != nil && !c.removed && e.applyTo(st, c, m) {
			return true
		}
	}
	// The only component the modifier fits.
	var fits []*comp
	for _, c := range e.comps {
		if !c.removed && accepts(c, m) {
			fits = append(fits, c)
		}
	}
	if len(fits) == 1 {
		return e.applyTo(st, fits[0], m)
	}
	return false
}

// unplaced reports a modifier that fits nothing: its words become
// unrecognized, except where a warning says more.
func (e *engine) unplaced(m mod) {
	switch m.what {
	case "days":
		e.use(m.idx...)
		e.warn("hoist.yaml has no retention setting (%q); Hoist keeps logs 365 days and database backups 7 days", e.span(m.idx))
	case "timeout":
		e.use(m.idx...)
		e.warn("only functions have a timeout in hoist.yaml; %q was not applied", e.span(m.idx))
	case "field:domain":
		e.use(m.idx...)
		e.warn("a custom domain needs a hostname, e.g. \"on app.example.com\"")
	case "sizeclass":
		e.use(m.idx...)
		e.warn("%q is an instance type; hoist.yaml sizes services by cpu and memory, and only databases and caches have instance classes", e.span(m.idx))
	}
}

func (e *engine) span(idx []int) string {
	if len(idx) == 0 {
		return ""
	}
	lo, hi := idx[0], idx[0]
	for _, i := range idx {
		lo, hi = min(lo, i), max(hi, i)
	}
	return e.desc[e.lx[lo].pos:e.lx[hi].end]
}

// applyGlobal applies a modifier about the whole spec.
func (e *engine) applyGlobal(m mod) bool {
	switch m.what {
	case "region":
		e.s.Region = m.s
	case "env":
		e.s.Environment = m.s
	case "target":
		e.s.Target = m.s
	case "azs":
		if m.n == 2 || m.n == 3 {
			e.s.Network.AZs = int(m.n)
		} else {
			e.warn("hoist.yaml spreads the network over 2 or 3 availability zones, not %s", fmtNum(m.n))
		}
	case "perAZ":
		if e.s.Network.NAT != spec.NATNone {
			e.s.Network.NAT = spec.NATPerAZ
		}
	case "specname":
		e.setSpecName(m.s)
	case "count":
		if m.target == "" {
			return false
		}
		e.s.Target = m.target
		return false
	default:
		return false
	}
	e.use(m.idx...)
	return true
}

func globalMod(m mod) bool {
	switch m.what {
	case "region", "env", "target", "azs", "perAZ", "specname":
		return true
	}
	return false
}

func fmtNum(f float64) string {
	if f == math.Trunc(f) {
		return fmt.Sprintf("%d", int64(f))
	}
	return fmt.Sprintf("%g", f)
}

// accepts says whether modifier m can apply to component c.
func accepts(c *comp, m mod) bool {
	switch m.what {
	case "cpu":
		return c.kind == kService || c.kind == kFunction
	case "memory":
		return c.kind == kService || c.kind == kFunction
	case "bytes":
		return c.kind == kService || c.kind == kFunction || c.kind == kDatabase && !strings.HasPrefix(c.db.Engine, "aurora")
	case "storage":
		return c.kind == kDatabase
	case "count", "range", "min", "max", "health", "port":
		return c.kind == kService
	case "version":
		return c.kind == kDatabase || c.kind == kCache || (c.kind == kService && c.svc.Runtime.Language != "") || (c.kind == kFunction && c.fn.Runtime.Language != "")
	case "timeout":
		return c.kind == kFunction
	case "domain":
		return c.kind == kSite || c.kind == kService && c.isWeb()
	case "sizeclass":
		if strings.HasPrefix(m.s, "db.") {
			return c.kind == kDatabase
		}
		if strings.HasPrefix(m.s, "cache.") {
			return c.kind == kCache
		}
		return c.kind == kDatabase || c.kind == kCache
	case "size":
		return c.kind == kDatabase || c.kind == kCache || c.kind == kService
	case "secret", "envvar", "names":
		return c.kind.isCompute()
	case "pkey", "skey", "ttl":
		return c.kind == kTable
	case "name":
		return true
	case "engine":
		return c.kind == kDatabase && (m.s == "postgres" || m.s == "mysql" || strings.HasPrefix(m.s, "aurora")) || c.kind == kCache && (m.s == "redis" || m.s == "valkey")
	case "lang":
		return c.kind.isCompute() || c.kind == kSite && m.s == "site"
	case "attr":
		switch m.s {
		case "multiaz":
			return c.kind == kDatabase
		case "ha":
			return c.kind == kDatabase || c.kind == kService
		case "fifo":
			return c.kind == kQueue || c.kind == kTopic
		case "versioned":
			return c.kind == kBucket
		case "public", "private":
			return c.kind == kService || c.kind == kFunction && m.s == "public" || c.kind == kSite
		case "arm64", "x86_64":
			return c.kind.isCompute()
		case "serverless":
			return c.kind == kDatabase || c.kind == kService || c.kind == kFunction
		case "http":
			return c.kind == kFunction
		}
	case "number":
		return false
	}
	return false
}

// applyTo applies m to c if it fits, and reports whether it did.
func (e *engine) applyTo(st *clauseState, c *comp, m mod) bool {
	if m.what == "number" {
		return e.applyNumber(st, c, m)
	}
	if !accepts(c, m) {
		return false
	}
	e.use(m.idx...)
	switch m.what {
	case "cpu", "memory", "bytes", "storage":
		if m.n <= 0 || m.n > 1<<24 {
			e.warn("%q is not a size Hoist can use; not applied", e.span(m.idx))
			return true
		}
	}
	switch m.what {
	case "cpu":
		if c.kind == kFunction {
			e.warn("Lambda has no cpu setting; it gets cpu in proportion to memory (1,769 MB is one vCPU)")
			return true
		}
		e.setCPU(c, m.n)
	case "memory", "bytes":
		if c.kind == kDatabase {
			e.setStorage(c, m.n/1024)
			return true
		}
		e.setMemory(c, m.n)
	case "storage":
		if strings.HasPrefix(c.db.Engine, "aurora") {
			e.warn("Aurora storage grows by itself; %q was not applied", e.span(m.idx))
			return true
		}
		e.setStorage(c, m.n)
	case "count", "range", "min", "max":
		e.setCount(c, m)
		if m.target != "" {
			e.s.Target = m.target
		}
	case "port":
		if m.n < 1 || m.n > 65535 || m.n != math.Trunc(m.n) {
			e.warn("port %s is not a TCP port (1-65535); not applied", m.s)
			return true
		}
		c.svc.Port, c.portSet = int(m.n), true
	case "health":
		c.svc.HealthCheck.Path = m.s
	case "version":
		e.setVersion(c, m.s)
	case "timeout":
		if m.n < 1 || m.n > 900 {
			e.warn("a Lambda timeout is 1-900 seconds; %q was not applied", e.span(m.idx))
			return true
		}
		c.fn.Timeout = int(m.n)
	case "domain":
		if c.kind == kSite {
			c.site.Domain = m.s
		} else {
			c.svc.Domain = m.s
			if !c.publicSet {
				c.svc.Public, c.publicSet = true, true
			}
		}
	case "sizeclass":
		e.setSizeClass(c, m.s)
	case "size":
		e.setSize(c, m.s)
	case "secret", "envvar", "names":
		for _, name := range m.list {
			secret := m.what == "secret" || m.what == "names" && looksSecret(name)
			if c.kind == kService {
				if secret {
					c.svc.Secrets = appendUnique(c.svc.Secrets, name)
				} else {
					c.svc.Env = appendUnique(c.svc.Env, name)
				}
			} else {
				if secret {
					c.fn.Secrets = appendUnique(c.fn.Secrets, name)
				} else {
					c.fn.Env = appendUnique(c.fn.Env, name)
				}
			}
		}
	case "pkey":
		c.table.PartitionKey = m.s
	case "skey":
		c.table.SortKey = m.s
	case "ttl":
		c.table.TTLAttribute = m.s
	case "name":
		e.rename(c, m.s)
	case "engine":
		e.setEngine(c, m.s)
	case "lang":
		e.setLang(c, m)
	case "attr":
		e.setAttr(st, c, m.s, m.neg)
	}
	return true
}

// applyNumber gives a bare number its meaning from what it follows: a
// version after an engine or "to" in an upgrade, a count when scaling.
func (e *engine) applyNumber(st *clauseState, c *comp, m mod) bool {
	i := m.idx[0]
	prev := e.lx[i].prevNorm
	switch {
	case (c.kind == kDatabase || c.kind == kCache) && (prev == "to" || prev == "version"):
		e.use(m.idx...)
		e.setVersion(c, m.s)
		return true
	case c.kind == kService && (st.verbNorm == "scale" || st.verbNorm == "autoscale") && prev == "to":
		e.use(m.idx...)
		e.setCount(c, mod{what: "count", n: m.n})
		return true
	case (c.kind == kService || c.kind == kFunction) && prev == "to" && (st.verbNorm == "upgrade" || st.verbNorm == "bump") && (c.svc.Runtime.Language != "" || c.fn.Runtime.Language != ""):
		e.use(m.idx...)
		e.setVersion(c, m.s)
		return true
	}
	return false
}

func looksSecret(name string) bool {
	for _, w := range []string{"SECRET", "KEY", "TOKEN", "PASSWORD", "PASS", "CREDENTIAL", "PRIVATE"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

func appendUnique(xs []string, x string) []string {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

func (e *engine) setCPU(c *comp, vcpu float64) {
	units := int(math.Round(vcpu * 1024))
	for _, u := range spec.FargateCPUs {
		if u >= units {
			if u != units {
				e.warn("Fargate has no %s vCPU size; using %s vCPU (cpu %d)", fmtNum(vcpu), fmtNum(float64(u)/1024), u)
			}
			c.svc.CPU = u
			e.fitMemory(c)
			return
		}
	}
	e.warn("Fargate tasks have at most 16 vCPU; %s vCPU was not applied", fmtNum(vcpu))
}

func (e *engine) setMemory(c *comp, mib float64) {
	if c.kind == kFunction {
		mb := int(mib)
		if mb < 128 || mb > 10240 {
			e.warn("Lambda memory is 128-10240 MB; %d MB was not applied", mb)
			return
		}
		c.fn.Memory = mb
		return
	}
	c.svc.Memory = int(mib)
	e.fitMemory(c)
}

// fitMemory makes a service's cpu and memory a pair Fargate allows,
// raising memory (or cpu) to the nearest valid size and saying so.
func (e *engine) fitMemory(c *comp) {
	cpu, mem := c.svc.CPU, c.svc.Memory
	if mem == 0 {
		return
	}
	if cpu == 0 {
		for _, u := range spec.FargateCPUs {
			if slices.Contains(spec.FargateMemory(u), mem) {
				return
			}
		}
		// No cpu allows it: round memory up to one that some cpu allows.
		for _, u := range spec.FargateCPUs {
			for _, v := range spec.FargateMemory(u) {
				if v >= mem {
					e.warn("Fargate has no task with %d MiB; using %d MiB", mem, v)
					c.svc.Memory = v
					return
				}
			}
		}
		e.warn("Fargate tasks have at most 120 GiB of memory; %d MiB was not applied", mem)
		c.svc.Memory = 0
		return
	}
	valid := spec.FargateMemory(cpu)
	if slices.Contains(valid, mem) {
		return
	}
	for _, v := range valid {
		if v >= mem {
			e.warn("Fargate allows %d MiB only with other cpu sizes; with cpu %d using %d MiB", mem, cpu, v)
			c.svc.Memory = v
			return
		}
	}
	// Too much memory for this cpu: raise cpu.
	for _, u := range spec.FargateCPUs {
		if u > cpu && slices.Contains(spec.FargateMemory(u), mem) {
			e.warn("%d MiB needs more cpu than %d; using cpu %d", mem, cpu, u)
			c.svc.CPU = u
			return
		}
	}
	e.warn("Fargate has no task with cpu %d and %d MiB; memory was not applied", cpu, mem)
	c.svc.Memory = 0
}

func (e *engine) setStorage(c *comp, gb float64) {
	n := int(math.Round(gb))
	if n < 20 || n > 65536 {
		e.warn("RDS storage is 20-65536 GB; %d GB was not applied", n)
		return
	}
	c.db.StorageGB = n
}

func (e *engine) setCount(c *comp, m mod) {
	for _, f := range []float64{m.n, m.lo, m.hi} {
		if f < 0 || f > 1000 || f != math.Trunc(f) {
			e.warn("a service runs 0-1000 tasks with min no more than max; %q was not applied", e.span(m.idx))
			return
		}
	}
	lo, hi := 0, 0
	switch m.what {
	case "count":
		lo = int(m.n)
	case "range":
		lo, hi = int(m.lo), int(m.hi)
	case "min":
		lo = int(m.n)
	case "max":
		hi = int(m.n)
	}
	if lo < 0 || hi < 0 || lo > 1000 || hi > 1000 || hi != 0 && lo > hi {
		e.warn("a service runs 0-1000 tasks with min no more than max; %q was not applied", e.span(m.idx))
		return
	}
	if lo > 0 {
		c.svc.MinCount = lo
		if c.svc.MaxCount != 0 && c.svc.MaxCount < lo && hi == 0 {
			c.svc.MaxCount = lo
		}
	}
	if hi > 0 {
		c.svc.MaxCount = hi
		if c.svc.MinCount > hi {
			c.svc.MinCount = hi
		}
	}
}

func (e *engine) setVersion(c *comp, v string) {
	switch c.kind {
	case kDatabase:
		c.db.Version = v
	case kCache:
		c.cache.Version = v
	case kService:
		c.svc.Runtime.Version = v
	case kFunction:
		c.fn.Runtime.Version = v
	}
}

func (e *engine) setSizeClass(c *comp, s string) {
	bare := strings.TrimPrefix(strings.TrimPrefix(s, "db."), "cache.")
	if c.kind == kDatabase {
		c.db.Size = "db." + bare
	} else {
		c.cache.Size = "cache." + bare
	}
}

// Size words and what they choose.
var (
	dbSizes    = map[string]string{"micro": "db.t4g.micro", "small": "db.t4g.small", "medium": "db.t4g.medium", "large": "db.m7g.large", "xlarge": "db.m7g.xlarge"}
	cacheSizes = map[string]string{"micro": "cache.t4g.micro", "small": "cache.t4g.small", "medium": "cache.t4g.medium", "large": "cache.m7g.large", "xlarge": "cache.m7g.xlarge"}
	svcSizes   = map[string][2]int{"micro": {256, 512}, "small": {512, 1024}, "medium": {1024, 2048}, "large": {2048, 4096}, "xlarge": {4096, 8192}}
)

func (e *engine) setSize(c *comp, size string) {
	switch c.kind {
	case kDatabase:
		if strings.HasPrefix(c.db.Engine, "aurora") || c.dbEngineHint != "" {
			return
		}
		c.db.Size = dbSizes[size]
		c.note(".size", c.db.Size, fmt.Sprintf("%q read as %s", size, c.db.Size))
	case kCache:
		c.cache.Size = cacheSizes[size]
		c.note(".size", c.cache.Size, fmt.Sprintf("%q read as %s", size, c.cache.Size))
	case kService:
		p := svcSizes[size]
		c.svc.CPU, c.svc.Memory = p[0], p[1]
		c.note(".cpu", p[0], fmt.Sprintf("%q read as %s vCPU with %d MiB", size, fmtNum(float64(p[0])/1024), p[1]))
		c.note(".memory", p[1], fmt.Sprintf("%q read as %s vCPU with %d MiB", size, fmtNum(float64(p[0])/1024), p[1]))
	}
}

func (e *engine) setEngine(c *comp, eng string) {
	switch c.kind {
	case kDatabase:
		switch eng {
		case "aurora", "aurora-serverless":
			if strings.HasPrefix(c.db.Engine, "aurora-") {
				break
			}
			c.dbEngineHint = eng
			if c.db.Engine == "mysql" {
				c.db.Engine = "aurora-mysql"
				c.dbEngineHint = ""
			} else if c.db.Engine == "postgres" {
				c.db.Engine = "aurora-postgres"
				c.dbEngineHint = ""
			}
			if eng == "aurora-serverless" {
				c.db.Size = "serverless"
			}
		case "postgres", "mysql":
			if c.dbEngineHint != "" || strings.HasPrefix(c.db.Engine, "aurora-") {
				c.db.Engine = "aurora-" + eng
				c.dbEngineHint = ""
			} else {
				c.db.Engine = eng
			}
		default:
			c.db.Engine = eng
		}
		if c.existing && strings.HasPrefix(c.db.Engine, "aurora-") {
			c.db.StorageGB = 0
			if c.db.Size != "" && c.db.Size != "serverless" && strings.HasPrefix(c.db.Size, "db.t4g.micro") {
				c.db.Size = ""
			}
		}
		if c.db.Version != "" && c.existing {
			c.db.Version = ""
		}
	case kCache:
		if c.existing && c.cache.Engine != eng {
			c.cache.Version = ""
		}
		c.cache.Engine = eng
	}
}

func (e *engine) setLang(c *comp, m mod) {
	if m.s == "site" {
		if c.kind == kService && !c.existing {
			c.kind, c.svc = kSite, spec.Service{}
			if c.role == "app" || c.role == "web" {
				c.role = "site"
			}
		}
		return
	}
	switch c.kind {
	case kService:
		c.svc.Runtime.Language = m.s
		if len(m.list) > 0 {
			c.svc.Runtime.Version = m.list[0]
		}
	case kFunction:
		v := ""
		if len(m.list) > 0 {
			v = m.list[0]
		}
		e.setFnRuntime(c, m.s, v)
	}
}

// setFnRuntime sets a function's runtime when Lambda has it: a language
// Hoist knows a Lambda runtime for, and a version one of its runtimes
// matches (else the newest is used).
func (e *engine) setFnRuntime(c *comp, lang, version string) {
	if lang == "" {
		return
	}
	if _, ok := spec.FunctionRuntimes[lang]; !ok {
		e.warn("Lambda has no %s runtime Hoist supports; the function's runtime was left unset", lang)
		return
	}
	c.fn.Runtime.Language = lang
	c.fn.Runtime.Version = ""
	if version == "" {
		return
	}
	if lambdaVersionOK(lang, version) {
		c.fn.Runtime.Version = version
		return
	}
	e.warn("Lambda has no %s %s runtime that Hoist supports (%s); the newest is used", lang, version, strings.Join(spec.FunctionRuntimes[lang], ", "))
}

// lambdaVersionOK reports whether a runtime version picks one of the
// Lambda runtimes Hoist has for lang: "22" or "22.11.0" is nodejs22.x,
// "3" or "3.12" a python3.x; Go and Rust run on the OS-only runtime
// whatever their version.
func lambdaVersionOK(lang, v string) bool {
	v = strings.TrimPrefix(v, "v")
	for _, r := range spec.FunctionRuntimes[lang] {
		if strings.HasPrefix(r, "provided.") {
			return true
		}
		cv := strings.TrimLeft(strings.TrimSuffix(r, ".x"), "abcdefghijklmnopqrstuvwxyz")
		if cv == v || strings.HasPrefix(v, cv+".") || strings.HasPrefix(cv, v+".") {
			return true
		}
	}
	return false
}

func (e *engine) setAttr(st *clauseState, c *comp, a string, neg bool) {
	switch a {
	case "multiaz":
		c.db.MultiAZ = !neg
	case "ha":
		if c.kind == kDatabase {
			c.db.MultiAZ = !neg
		} else if !neg && c.svc.MinCount < 2 {
			c.svc.MinCount = 2
			if c.svc.MaxCount != 0 && c.svc.MaxCount < 2 {
				c.svc.MaxCount = 2
			}
		}
	case "fifo":
		if c.kind == kQueue {
			c.queue.FIFO = !neg
		} else {
			c.topic.FIFO = !neg
		}
	case "versioned":
		c.bucket.Versioning = !neg
	case "public", "private":
		if c.kind == kSite || c.kind == kFunction {
			return // a site is always served publicly through CloudFront
		}
		c.svc.Public = (a == "public") != neg
		c.publicSet = true
	case "arm64", "x86_64":
		arch := a
		if neg {
			arch = map[string]string{"arm64": "x86_64", "x86_64": "arm64"}[a]
		}
		if c.kind == kService {
			c.svc.Architecture = arch
		} else {
			c.fn.Architecture = arch
		}
	case "serverless":
		switch c.kind {
		case kDatabase:
			if c.db.Engine == "" || c.db.Engine == "postgres" || c.db.Engine == "mysql" {
				e.setEngine(c, "aurora-serverless")
			}
			c.db.Size = "serverless"
		case kService:
			if !c.existing {
				e.toFunction(c)
			}
		}
	case "http":
		c.fn.HTTP = !neg
	}
}
