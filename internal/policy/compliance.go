package policy

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// Control statuses.
const (
	StatusPass          = "pass"
	StatusFail          = "fail"
	StatusNotApplicable = "not applicable"
)

// Compliance is the control-by-control view of a report for one
// framework.
type Compliance struct {
	Framework string
	Controls  []ControlResult
	// Pass, Fail and NotApplicable count Controls by status.
	Pass, Fail, NotApplicable int
}

// ControlResult is one control (a NIST 800-53 control for nist-800-53-r5
// and the FedRAMP baselines, a CIS recommendation for cis-aws).
//
// A rule mapped to the control applies when it ran on at least one
// resource (a graph resource, a Dockerfile, or a target for Rego rules).
// The control fails when any rule mapped to it has an unsuppressed
// finding; it is not applicable when none of its rules applied; otherwise
// it passes: every rule that applied found nothing unsuppressed.
type ControlResult struct {
	Control string
	Status  string
	// Rules are the IDs of the rules mapped to the control, sorted.
	Rules []string
	// Resources are the resources the rules checked; Failing those with an
	// unsuppressed finding (a file name for findings without a resource).
	Resources []string
	Failing   []string
	// Findings counts unsuppressed findings, Suppressed suppressed ones.
	Findings, Suppressed int
}

// ComplianceFor builds the compliance view of the report for a framework.
// The rules considered are those of the framework that the Check enabled.
func (r *Report) ComplianceFor(framework string) (*Compliance, error) {
	if !slices.Contains(Frameworks, framework) {
		return nil, fmt.Errorf("unknown framework %q (want one of %s)", framework, strings.Join(Frameworks, ", "))
	}
	byControl := map[string][]rule.Meta{}
	for _, m := range r.enabled {
		if !inFramework(m, framework) {
			continue
		}
		ctrls := m.NIST
		if framework == FrameworkCIS {
			ctrls = m.CIS
		}
		for _, c := range ctrls {
			byControl[c] = append(byControl[c], m)
		}
	}
	checked := map[string][]string{}
	for _, ch := range r.Runs {
		checked[ch.RuleID] = append(checked[ch.RuleID], cmp.Or(ch.Resource, ch.File))
	}
	findings := map[string][]Finding{}
	for _, f := range r.Findings {
		findings[f.RuleID] = append(findings[f.RuleID], f)
	}
	c := &Compliance{Framework: framework, Controls: []ControlResult{}}
	keys := make([]string, 0, len(byControl))
	for k := range byControl {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareControls)
	for _, k := range keys {
		cr := ControlResult{Control: k, Rules: []string{}, Resources: []string{}, Failing: []string{}}
		applied := false
		for _, m := range byControl[k] {
			cr.Rules = append(cr.Rules, m.ID)
			if names := checked[m.ID]; len(names) > 0 {
				applied = true
				cr.Resources = append(cr.Resources, names...)
			}
			for _, f := range findings[m.ID] {
				if f.Suppressed {
					cr.Suppressed++
					continue
				}
				cr.Findings++
				cr.Failing = append(cr.Failing, cmp.Or(f.Resource, f.File))
			}
		}
		for _, l := range []*[]string{&cr.Rules, &cr.Resources, &cr.Failing} {
			slices.Sort(*l)
			*l = slices.Compact(*l)
		}
		switch {
		case cr.Findings > 0:
			cr.Status = StatusFail
			c.Fail++
		case !applied:
			cr.Status = StatusNotApplicable
			c.NotApplicable++
		default:
			cr.Status = StatusPass
			c.Pass++
		}
		c.Controls = append(c.Controls, cr)
	}
	return c, nil
}

// compareControls orders control IDs naturally: AC-2 < AC-6 < AC-6(9) <
// AC-17, 1.10 after 1.9.
func compareControls(a, b string) int {
	ta, tb := controlTokens(a), controlTokens(b)
	for i := 0; i < len(ta) && i < len(tb); i++ {
		x, y := ta[i], tb[i]
		nx, ex := strconv.Atoi(x)
		ny, ey := strconv.Atoi(y)
		var c int
		if ex == nil && ey == nil {
			c = cmp.Compare(nx, ny)
		} else {
			c = cmp.Compare(x, y)
		}
		if c != 0 {
			return c
		}
	}
	return cmp.Or(cmp.Compare(len(ta), len(tb)), cmp.Compare(a, b))
}

// controlTokens splits a control ID into runs of digits and of letters,
// dropping punctuation.
func controlTokens(s string) []string {
	var out []string
	start := -1
	digit := false
	flush := func(i int) {
		if start >= 0 {
			out = append(out, s[start:i])
		}
		start = -1
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		isD := c >= '0' && c <= '9'
		isL := (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
		switch {
		case !isD && !isL:
			flush(i)
		case start < 0:
			start, digit = i, isD
		case isD != digit:
			flush(i)
			start, digit = i, isD
		}
	}
	flush(len(s))
	return out
}
