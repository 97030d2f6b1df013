package policy

import (
	"cmp"
	"context"
	"fmt"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/awsrules"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// ruleSet is what a check runs: Check uses the built-in registries, tests
// their own.
type ruleSet struct {
	aws    []rule.AWS
	docker dockerEngine
	// foreign maps other tools' suppression IDs to the rules' IDs.
	foreign []ForeignID
}

// dockerEngine is what Check needs of a Dockerfile rule set.
type dockerEngine struct {
	rules []rule.Meta
	// check parses a Dockerfile and runs every rule whose ID enabled
	// accepts; a file that cannot be parsed is an error "file:line: msg".
	check func(file string, data, dockerignore []byte, enabled func(id string) bool) ([]dockerHit, error)
}

// dockerHit is one Dockerfile finding.
type dockerHit struct {
	rule         string
	message      string
	line, column int
}

// hit is a finding on its way through the engine, with what suppressions
// need to know of its resource.
type hit struct {
	f       Finding
	resID   string
	sp      span
	hasSpan bool
}

// Check runs every built-in AWS rule over the targets' graphs, the
// Dockerfile rules over Dockerfile targets and the Rego policies of
// opts.PolicyDirs over both, applies suppressions and returns the report.
// An error means Check could not run as asked: an unknown framework, a
// policy that does not compile, a malformed central suppressions file.
// Input that could not be read is a HOIST-PARSE finding, not an error.
func Check(targets []Target, opts Options) (*Report, error) {
	return check(targets, opts, ruleSet{aws: awsrules.Rules(), docker: builtinDocker(), foreign: ForeignIDs()})
}

// targetResult is what one target gives.
type targetResult struct {
	hits      []hit
	supps     []*supp
	checks    []RuleRun
	resources int
	err       error
}

func check(targets []Target, opts Options, rs ruleSet) (*Report, error) {
	if opts.Framework != "" && !slices.Contains(Frameworks, opts.Framework) {
		return nil, fmt.Errorf("unknown framework %q (want one of %s)", opts.Framework, strings.Join(Frameworks, ", "))
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	pols := opts.Policies
	if pols == nil && len(opts.PolicyDirs) > 0 {
		var err error
		if pols, err = LoadPolicies(opts.PolicyDirs); err != nil {
			return nil, err
		}
	}
	var central []Suppression
	if len(opts.Suppressions) > 0 {
		name := cmp.Or(opts.SuppressionsFile, ".hoist/suppressions.yaml")
		var err error
		if central, err = ParseSuppressions(name, opts.Suppressions); err != nil {
			return nil, err
		}
	}

	// Every rule Hoist knows, for suppressions; the enabled ones, to run.
	var known []string
	configRules := map[string][]string{}
	var awsOn []*rule.AWS
	byType := map[string][]*rule.AWS{}
	for i := range rs.aws {
		r := &rs.aws[i]
		known = append(known, r.ID)
		if r.ConfigRule != "" {
			configRules[r.ConfigRule] = append(configRules[r.ConfigRule], r.ID)
		}
		if !inFramework(r.Meta, opts.Framework) {
			continue
		}
		awsOn = append(awsOn, r)
		for _, t := range r.Types {
			byType[t] = append(byType[t], r)
		}
	}
	dockerOn := map[string]rule.Meta{}
	for _, m := range rs.docker.rules {
		known = append(known, m.ID)
		if m.ConfigRule != "" {
			configRules[m.ConfigRule] = append(configRules[m.ConfigRule], m.ID)
		}
		if inFramework(m, opts.Framework) {
			dockerOn[m.ID] = m
		}
	}
	var regoOn []*regoRule
	if pols != nil {
		for _, r := range pols.rules {
			known = append(known, r.meta.ID)
			if inFramework(r.meta, opts.Framework) {
				regoOn = append(regoOn, r)
			}
		}
	}
	for _, m := range engineRules {
		known = append(known, m.ID)
	}
	res := newResolver(known, rs.foreign, configRules)
	e := &engine{
		opts:     opts,
		now:      now,
		byType:   byType,
		docker:   rs.docker,
		dockerOn: dockerOn,
		rego:     regoOn,
		resolver: res,
		regoRaw:  pols != nil && pols.needRaw,
		regoIR:   pols != nil && pols.needIR,
	}
	e.docURLs = map[string]string{}
	for _, r := range awsOn {
		e.docURLs[r.ID] = DocURL(r.ID)
	}

	results := make([]targetResult, len(targets))
	workers := cmp.Or(opts.Workers, runtime.GOMAXPROCS(0))
	workers = max(1, min(workers, len(targets)))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				results[i] = e.target(&targets[i])
			}
		})
	}
	for i := range targets {
		next <- i
	}
	close(next)
	wg.Wait()

	rep := &Report{Framework: opts.Framework}
	nHits, nRuns := 0, 0
	for _, r := range results {
		if r.err != nil {
			return nil, r.err
		}
		nHits += len(r.hits)
		nRuns += len(r.checks)
	}
	hits := make([]hit, 0, nHits+len(central))
	rep.Runs = make([]RuleRun, 0, nRuns)
	var supps []*supp
	kinds := map[string]bool{}
	for i, r := range results {
		hits = append(hits, r.hits...)
		supps = append(supps, r.supps...)
		rep.Runs = append(rep.Runs, r.checks...)
		rep.Summary.ResourcesScanned += r.resources
		if targets[i].Graph != nil {
			kinds["graph"] = true
		}
		if targets[i].Kind == KindDockerfile {
			kinds[KindDockerfile] = true
		}
	}

	// Central suppressions apply after the in-source ones.
	cs := centralSuppressions(central)
	for _, s := range cs {
		if s.invalid == "" && !slices.ContainsFunc(known, s.rule.match) {
			s.invalid = fmt.Sprintf("rule %s matches no rule Hoist knows", cmp.Or(s.rule.literal, "pattern"))
		}
		if s.invalid == "" && expired(s.expires, now) {
			s.expired = true
		}
	}
	for i := range hits {
		h := &hits[i]
		if h.f.Suppressed {
			continue
		}
		for _, s := range cs {
			if s.matches(h) {
				suppress(h, s)
				break
			}
		}
	}
	supps = append(supps, cs...)

	// Suppressions that cannot apply are findings of their own.
	seen := map[Problem]bool{}
	for _, s := range supps {
		if seen[s.at] || (s.invalid == "" && !s.expired) {
			continue
		}
		seen[s.at] = true
		if s.invalid != "" {
			hits = append(hits, hit{f: engineFinding(BadSuppressionID, s.at.File, s.at.Line, s.at.Column,
				fmt.Sprintf("%s does not apply: %s", s.written, s.invalid))})
			continue
		}
		hits = append(hits, hit{f: engineFinding(ExpiredSuppressionID, s.at.File, s.at.Line, s.at.Column,
			fmt.Sprintf("%s expired on %s and no longer applies (reason was: %s)", s.written, s.expires, s.reason))})
		rep.ExpiredSuppressions = append(rep.ExpiredSuppressions, ExpiredSuppression{
			Rule: strings.Join(s.ids, ","), File: s.at.File, Line: s.at.Line, Reason: s.reason, Expires: s.expires,
		})
		if s.scope == scopeCentral {
			rep.ExpiredSuppressions[len(rep.ExpiredSuppressions)-1].Rule = s.rule.literal
			if s.rule.re != nil {
				rep.ExpiredSuppressions[len(rep.ExpiredSuppressions)-1].Rule = strings.TrimPrefix(s.written, "rule ")
			}
		}
	}
	slices.SortFunc(rep.ExpiredSuppressions, func(a, b ExpiredSuppression) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Rule, b.Rule))
	})

	slices.SortFunc(rep.Runs, func(a, b RuleRun) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Resource, b.Resource))
	})
	rep.Runs = slices.Compact(rep.Runs)

	// Findings: thresholded, deduplicated, sorted.
	rep.Findings = make([]Finding, 0, len(hits))
	for _, h := range hits {
		if h.f.Severity < opts.SeverityThreshold {
			continue
		}
		rep.Findings = append(rep.Findings, h.f)
	}
	slices.SortFunc(rep.Findings, compareFindings)
	rep.Findings = slices.CompactFunc(rep.Findings, func(a, b Finding) bool { return compareFindings(a, b) == 0 })
	rep.Errors = []Finding{}
	for _, f := range rep.Findings {
		if f.RuleID == ParseID {
			rep.Errors = append(rep.Errors, f)
		}
	}

	// Rules that ran: those whose kind of input was present, and the
	// engine's own when they found something.
	byID := map[string]rule.Meta{}
	if kinds["graph"] {
		for _, r := range awsOn {
			byID[r.ID] = r.Meta
		}
	}
	if kinds[KindDockerfile] {
		for id, m := range dockerOn {
			byID[id] = m
		}
	}
	if len(targets) > 0 {
		for _, r := range regoOn {
			byID[r.meta.ID] = r.meta
		}
	}
	for _, f := range rep.Findings {
		if f.Source == "hoist" {
			byID[f.RuleID] = engineRule(f.RuleID)
		}
	}
	for _, r := range awsOn {
		rep.enabled = append(rep.enabled, r.Meta)
	}
	for _, id := range ir.SortedKeys(dockerOn) {
		rep.enabled = append(rep.enabled, dockerOn[id])
	}
	for _, r := range regoOn {
		rep.enabled = append(rep.enabled, r.meta)
	}
	rep.Rules = make([]rule.Meta, 0, len(byID))
	for _, id := range ir.SortedKeys(byID) {
		rep.Rules = append(rep.Rules, byID[id])
	}

	// Summary.
	files := map[string]bool{}
	for _, t := range targets {
		for f := range t.Sources {
			files[normFile(f)] = true
		}
		if len(t.Sources) == 0 && t.Path != "" {
			files[normFile(t.Path)] = true
		}
	}
	s := &rep.Summary
	s.FilesScanned = len(files)
	s.Rules = len(rep.Rules)
	s.BySeverity = map[string]int{}
	for sev := rule.Info; sev <= rule.Critical; sev++ {
		s.BySeverity[sev.String()] = 0
	}
	for _, f := range rep.Findings {
		s.Total++
		if f.Suppressed {
			s.Suppressed++
			continue
		}
		s.BySeverity[f.Severity.String()]++
	}
	if opts.Framework != "" {
		c, err := rep.ComplianceFor(opts.Framework)
		if err != nil {
			return nil, err
		}
		rep.Compliance = c
	}
	return rep, nil
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.RuleID, b.RuleID),
		cmp.Compare(a.Resource, b.Resource),
		cmp.Compare(a.Message, b.Message),
	)
}

func suppress(h *hit, s *supp) {
	h.f.Suppressed = true
	h.f.SuppressionReason = s.reason
	h.f.SuppressionKind = s.kind()
	h.f.SuppressedBy = fmt.Sprintf("%s:%d", s.at.File, s.at.Line)
}

// inFramework reports whether a rule is mapped to the framework ("" keeps
// every rule).
func inFramework(m rule.Meta, fw string) bool {
	switch fw {
	case "":
		return true
	case FrameworkNIST:
		return len(m.NIST) > 0
	case FrameworkFedRAMPLow:
		return slices.Contains(m.FedRAMP, "low")
	case FrameworkFedRAMPModerate:
		return slices.Contains(m.FedRAMP, "moderate")
	case FrameworkCIS:
		return len(m.CIS) > 0
	}
	return false
}

// engine holds what every target shares.
type engine struct {
	opts     Options
	now      time.Time
	byType   map[string][]*rule.AWS
	docker   dockerEngine
	dockerOn map[string]rule.Meta
	rego     []*regoRule
	// regoRaw and regoIR say which parts of the input the policies read.
	regoRaw, regoIR bool
	resolver        *resolver
	docURLs         map[string]string
}

// target checks one target and applies its in-source suppressions.
func (e *engine) target(t *Target) (out targetResult) {
	lines := sourceLines{src: t.Sources, cache: map[string][]string{}}
	for _, p := range t.Problems {
		f := engineFinding(ParseID, normFile(cmp.Or(p.File, t.Path)), p.Line, p.Column, p.Message)
		f.Target = t.Path
		out.hits = append(out.hits, hit{f: f})
	}
	if t.Graph != nil {
		out.resources += len(t.Graph.Resources)
		if err := e.runAWS(t, &out); err != nil {
			out.err = err
			return out
		}
	}
	if t.Kind == KindDockerfile {
		out.resources++
		e.runDocker(t, &out)
	}
	if len(e.rego) > 0 {
		if err := e.runRego(t, &out); err != nil {
			out.err = err
			return out
		}
	}
	for i := range out.hits {
		f := &out.hits[i].f
		if f.Snippet == "" && f.Line > 0 {
			f.Snippet = strings.TrimSpace(lines.line(f.File, f.Line))
		}
	}
	if e.opts.NoInlineSuppressions {
		return out
	}
	for _, file := range ir.SortedKeys(t.Sources) {
		out.supps = append(out.supps, commentSuppressions(normFile(file), t.Sources[file], e.resolver)...)
	}
	if t.Graph != nil {
		for _, r := range t.Graph.Resources {
			for _, s := range metadataSuppressions(r, e.resolver) {
				s.at.File = normFile(cmp.Or(s.at.File, t.Path))
				out.supps = append(out.supps, s)
			}
		}
	}
	for _, s := range out.supps {
		if s.invalid == "" && expired(s.expires, e.now) {
			s.expired = true
		}
	}
	for i := range out.hits {
		h := &out.hits[i]
		for _, s := range out.supps {
			if s.matches(h) {
				suppress(h, s)
				break
			}
		}
	}
	return out
}

func (e *engine) runAWS(t *Target, out *targetResult) (err error) {
	g := t.Graph
	ctx := rule.NewContext(g, e.opts.Production)
	var cur *rule.AWS
	var curRes *ir.Resource
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("rule %s failed on %s (%s): %v", cur.ID, resourceName(curRes), curRes.Loc, p)
		}
	}()
	for _, r := range g.Resources {
		rules := e.byType[r.Type]
		if len(rules) == 0 {
			continue
		}
		name := resourceName(r)
		resFile := normFile(cmp.Or(r.Loc.File, t.Path))
		var sp span
		spanDone := false
		for _, ar := range rules {
			cur, curRes = ar, r
			out.checks = append(out.checks, RuleRun{RuleID: ar.ID, Resource: name, File: resFile})
			for _, v := range ar.Check(ctx, r) {
				if !spanDone {
					sp, spanDone = resourceSpan(r), true
					sp.file = normFile(cmp.Or(sp.file, t.Path))
				}
				loc := locate(r, v.Path)
				f := Finding{
					RuleID:      ar.ID,
					Severity:    ar.Severity,
					Title:       ar.Title,
					Message:     v.Message,
					File:        normFile(cmp.Or(loc.File, r.Loc.File, t.Path)),
					Line:        loc.Line,
					Column:      loc.Column,
					Resource:    name,
					Controls:    controls(ar.Meta),
					Remediation: ar.Remediation,
					DocURL:      e.docURLs[ar.ID],
					Source:      "aws",
					Target:      t.Path,
				}
				out.hits = append(out.hits, hit{f: f, resID: r.ID, sp: sp, hasSpan: true})
			}
		}
	}
	return nil
}

func (e *engine) runDocker(t *Target, out *targetResult) {
	if e.docker.check == nil || len(e.dockerOn) == 0 {
		return
	}
	file := normFile(t.Path)
	data := t.Sources[t.Path]
	if data == nil {
		data = t.Sources[file]
	}
	for _, id := range ir.SortedKeys(e.dockerOn) {
		out.checks = append(out.checks, RuleRun{RuleID: id, File: file})
	}
	hs, err := e.docker.check(file, data, t.Dockerignore, func(id string) bool { _, ok := e.dockerOn[id]; return ok })
	if err != nil {
		line, msg := errLine(file, err)
		f := engineFinding(ParseID, file, line, 0, msg)
		f.Target = t.Path
		out.hits = append(out.hits, hit{f: f})
		return
	}
	for _, h := range hs {
		m, ok := e.dockerOn[h.rule]
		if !ok {
			continue
		}
		out.hits = append(out.hits, hit{f: Finding{
			RuleID:      m.ID,
			Severity:    m.Severity,
			Title:       m.Title,
			Message:     h.message,
			File:        file,
			Line:        h.line,
			Column:      h.column,
			Controls:    controls(m),
			Remediation: m.Remediation,
			DocURL:      DocURL(m.ID),
			Source:      "dockerfile",
			Target:      t.Path,
		}})
	}
}

func (e *engine) runRego(t *Target, out *targetResult) error {
	in, err := regoInput(t, e.regoRaw, e.regoIR)
	if err != nil {
		return err
	}
	var byName map[string]*ir.Resource
	if t.Graph != nil {
		byName = make(map[string]*ir.Resource, 2*len(t.Graph.Resources))
		for _, r := range t.Graph.Resources {
			byName[r.ID] = r
			byName[resourceName(r)] = r
		}
	}
	ctx := context.Background()
	for _, rr := range e.rego {
		out.checks = append(out.checks, RuleRun{RuleID: rr.meta.ID, File: normFile(t.Path)})
		results, err := rr.eval(ctx, in)
		if err != nil {
			return err
		}
		for _, x := range results {
			m := rr.meta
			if x.severity != "" {
				if sev, err := rule.ParseSeverity(x.severity); err == nil {
					m.Severity = sev
				}
			}
			f := Finding{
				RuleID:      m.ID,
				Severity:    m.Severity,
				Title:       m.Title,
				Message:     x.msg,
				Resource:    x.resource,
				Line:        x.line,
				Column:      x.column,
				Controls:    controls(m),
				Remediation: m.Remediation,
				DocURL:      rr.docURL(),
				Source:      "rego",
				Target:      t.Path,
			}
			h := hit{}
			if r := byName[x.resource]; r != nil {
				f.Resource = resourceName(r)
				h.resID = r.ID
				h.sp, h.hasSpan = resourceSpan(r), true
				h.sp.file = normFile(cmp.Or(h.sp.file, t.Path))
				if x.file == "" && x.line == 0 {
					f.Line, f.Column = r.Loc.Line, r.Loc.Column
					x.file = r.Loc.File
				}
			}
			f.File = normFile(cmp.Or(x.file, t.Path))
			h.f = f
			out.hits = append(out.hits, h)
		}
	}
	return nil
}

// docURL of a Rego rule is the first related_resources entry of its
// METADATA, "" when there is none.
func (rr *regoRule) docURL() string {
	return rr.doc
}

// controls returns the NIST controls of a rule, never nil.
func controls(m rule.Meta) []string {
	if len(m.NIST) == 0 {
		return []string{}
	}
	return m.NIST
}

// normFile cleans a file name into forward slashes.
func normFile(f string) string {
	if f == "" {
		return ""
	}
	return path.Clean(filepath.ToSlash(f))
}

// errLine splits "file:line: message" (or "file: message") into the line
// and the message.
func errLine(file string, err error) (int, string) {
	msg := err.Error()
	rest, ok := strings.CutPrefix(msg, file+":")
	if !ok {
		return 0, msg
	}
	n, m, ok := strings.Cut(rest, ":")
	if line, err := strconv.Atoi(n); ok && err == nil {
		// "file:line:col: message" keeps only line.
		if col, m2, ok := strings.Cut(m, ":"); ok {
			if _, err := strconv.Atoi(col); err == nil {
				m = m2
			}
		}
		return line, strings.TrimSpace(m)
	}
	return 0, strings.TrimSpace(rest)
}

// sourceLines finds the text of a line of a target's file.
type sourceLines struct {
	src   map[string][]byte
	cache map[string][]string
}

func (s *sourceLines) line(file string, n int) string {
	ls, ok := s.cache[file]
	if !ok {
		data, found := s.src[file]
		if !found {
			for k, v := range s.src {
				if normFile(k) == file {
					data = v
					break
				}
			}
		}
		ls = strings.Split(string(data), "\n")
		s.cache[file] = ls
	}
	if n < 1 || n > len(ls) {
		return ""
	}
	return strings.TrimSuffix(ls[n-1], "\r")
}
