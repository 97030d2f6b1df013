package report

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// JUnit writes the report as JUnit XML: one testsuite per file, one
// testcase per rule and resource that rule ran on (passing cases from
// Report.Runs), failed when it has an unsuppressed finding, skipped when
// all its findings are suppressed.
func JUnit(w io.Writer, r *policy.Report) error {
	type key struct{ file, rule, resource string }
	cases := map[key][]policy.Finding{}
	for _, run := range r.Runs {
		k := key{run.File, run.RuleID, run.Resource}
		if _, ok := cases[k]; !ok {
			cases[k] = nil
		}
	}
	for _, f := range r.Findings {
		k := key{f.File, f.RuleID, f.Resource}
		cases[k] = append(cases[k], f)
	}
	// A rule run over a whole target (Rego) whose findings name
	// resources is reported by those findings alone.
	hasFindings := map[[2]string]bool{}
	for _, f := range r.Findings {
		hasFindings[[2]string{f.File, f.RuleID}] = true
	}
	keys := make([]key, 0, len(cases))
	for k, fs := range cases {
		if k.resource == "" && len(fs) == 0 && hasFindings[[2]string{k.file, k.rule}] {
			continue
		}
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.rule, b.rule), cmp.Compare(a.resource, b.resource))
	})
	out := junitSuites{Name: "hoist check"}
	for _, k := range keys {
		if len(out.Suites) == 0 || out.Suites[len(out.Suites)-1].Name != cmpOr(k.file, "(no file)") {
			out.Suites = append(out.Suites, junitSuite{Name: cmpOr(k.file, "(no file)")})
		}
		s := &out.Suites[len(out.Suites)-1]
		name := k.rule
		if k.resource != "" {
			name += " " + k.resource
		}
		c := junitCase{Name: name, ClassName: k.file}
		var open, quiet []policy.Finding
		for _, f := range cases[k] {
			if f.Suppressed {
				quiet = append(quiet, f)
			} else {
				open = append(open, f)
			}
		}
		switch {
		case len(open) > 0:
			var text strings.Builder
			for _, f := range open {
				fmt.Fprintf(&text, "%s:%d:%d: %s\n", f.File, f.Line, f.Column, resultMessage(f))
			}
			if open[0].Remediation != "" {
				fmt.Fprintf(&text, "fix: %s\n", open[0].Remediation)
			}
			c.Failure = &junitFailure{Message: open[0].Message, Type: open[0].Severity.String(), Text: text.String()}
			s.Failures++
		case len(quiet) > 0:
			c.Skipped = &junitSkipped{Message: "suppressed: " + quiet[0].SuppressionReason}
			s.Skipped++
		}
		s.Tests++
		s.Cases = append(s.Cases, c)
	}
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
