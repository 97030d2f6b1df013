package policy

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// DocBase is where rule documentation lives; a rule's DocURL is DocBase
// followed by the rule ID in lower case, as an anchor of docs/policy.md.
const DocBase = "https://github.com/hoist-dev/hoist/blob/main/docs/policy.md#"

// IDs of the engine's own findings.
const (
	// ParseID marks input that could not be read.
	ParseID = "HOIST-PARSE"
	// BadSuppressionID marks a suppression that does not apply because it
	// is malformed: no reason, a bad date, an unknown rule syntax.
	BadSuppressionID = "HOIST-SUP-001"
	// ExpiredSuppressionID marks a suppression whose date has passed.
	ExpiredSuppressionID = "HOIST-SUP-002"
)

// engineRules are the metadata of the engine's own findings, in ID order.
var engineRules = []rule.Meta{
	{
		ID:          ParseID,
		Title:       "File could not be read",
		Severity:    rule.High,
		Rationale:   "A file Hoist cannot parse is a file no rule has checked.",
		Remediation: "Fix the syntax error at the reported position.",
	},
	{
		ID:          BadSuppressionID,
		Title:       "Suppression is malformed and does not apply",
		Severity:    rule.Low,
		Rationale:   "Every suppression must say why the finding is acceptable, so that a reviewer can judge it later.",
		Remediation: `Give the suppression a reason (reason="..."), and a valid expiry date (YYYY-MM-DD) if it has one.`,
	},
	{
		ID:          ExpiredSuppressionID,
		Title:       "Suppression has expired",
		Severity:    rule.Low,
		Rationale:   "A suppression with an expiry date is a promise to fix the finding by then; after it, the finding counts again.",
		Remediation: "Fix the finding, or renew the suppression with a new reason and date.",
	},
}

func engineRule(id string) rule.Meta {
	for _, m := range engineRules {
		if m.ID == id {
			return m
		}
	}
	panic("policy: unknown engine rule " + id)
}

// DocURL returns the documentation address of a rule.
func DocURL(id string) string {
	return DocBase + strings.ToLower(id)
}

// engineFinding builds a finding of one of the engine's own rules.
func engineFinding(id, file string, line, col int, msg string) Finding {
	m := engineRule(id)
	return Finding{
		RuleID:      id,
		Severity:    m.Severity,
		Title:       m.Title,
		Message:     msg,
		File:        file,
		Line:        line,
		Column:      col,
		Remediation: m.Remediation,
		DocURL:      DocURL(id),
		Source:      "hoist",
	}
}
