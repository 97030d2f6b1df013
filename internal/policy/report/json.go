package report

import (
	"encoding/json"
	"io"

	"github.com/hoist-dev/hoist/internal/policy"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// FormatVersion is the version of the JSON output's shape.
const FormatVersion = "1"

type jsonReport struct {
	FormatVersion       string          `json:"format_version"`
	Findings            []jsonFinding   `json:"findings"`
	Summary             jsonSummary     `json:"summary"`
	ExpiredSuppressions []jsonExpired   `json:"expired_suppressions"`
	Compliance          *jsonCompliance `json:"compliance,omitempty"`
}

type jsonFinding struct {
	RuleID            string   `json:"rule_id"`
	Severity          string   `json:"severity"`
	Title             string   `json:"title"`
	Message           string   `json:"message"`
	File              string   `json:"file"`
	Line              int      `json:"line"`
	Column            int      `json:"column"`
	Resource          string   `json:"resource"`
	Controls          []string `json:"controls"`
	Suppressed        bool     `json:"suppressed"`
	SuppressionReason string   `json:"suppression_reason"`
	SuppressionKind   string   `json:"suppression_kind"`
	SuppressedBy      string   `json:"suppressed_by"`
	Remediation       string   `json:"remediation"`
	DocURL            string   `json:"doc_url"`
}

type jsonSummary struct {
	Total            int            `json:"total"`
	BySeverity       map[string]int `json:"by_severity"`
	Suppressed       int            `json:"suppressed"`
	FilesScanned     int            `json:"files_scanned"`
	ResourcesScanned int            `json:"resources_scanned"`
	Rules            int            `json:"rules"`
}

type jsonExpired struct {
	Rule    string `json:"rule"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Reason  string `json:"reason"`
	Expires string `json:"expires"`
}

type jsonCompliance struct {
	Framework     string        `json:"framework"`
	Pass          int           `json:"pass"`
	Fail          int           `json:"fail"`
	NotApplicable int           `json:"not_applicable"`
	Controls      []jsonControl `json:"controls"`
}

type jsonControl struct {
	Control    string   `json:"control"`
	Status     string   `json:"status"`
	Rules      []string `json:"rules"`
	Resources  []string `json:"resources"`
	Failing    []string `json:"failing"`
	Findings   int      `json:"findings"`
	Suppressed int      `json:"suppressed"`
}

// JSON writes the report as JSON: format_version first, lists never null,
// keys in a fixed order (maps sorted).
func JSON(w io.Writer, r *policy.Report) error {
	out := jsonReport{
		FormatVersion:       FormatVersion,
		Findings:            make([]jsonFinding, 0, len(r.Findings)),
		ExpiredSuppressions: []jsonExpired{},
		Summary: jsonSummary{
			Total:            r.Summary.Total,
			BySeverity:       map[string]int{},
			Suppressed:       r.Summary.Suppressed,
			FilesScanned:     r.Summary.FilesScanned,
			ResourcesScanned: r.Summary.ResourcesScanned,
			Rules:            r.Summary.Rules,
		},
	}
	for s := rule.Info; s <= rule.Critical; s++ {
		out.Summary.BySeverity[s.String()] = r.Summary.BySeverity[s.String()]
	}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			RuleID:            f.RuleID,
			Severity:          f.Severity.String(),
			Title:             f.Title,
			Message:           f.Message,
			File:              f.File,
			Line:              f.Line,
			Column:            f.Column,
			Resource:          f.Resource,
			Controls:          nonNil(f.Controls),
			Suppressed:        f.Suppressed,
			SuppressionReason: f.SuppressionReason,
			SuppressionKind:   f.SuppressionKind,
			SuppressedBy:      f.SuppressedBy,
			Remediation:       f.Remediation,
			DocURL:            f.DocURL,
		})
	}
	for _, e := range r.ExpiredSuppressions {
		out.ExpiredSuppressions = append(out.ExpiredSuppressions, jsonExpired(e))
	}
	if c := r.Compliance; c != nil {
		jc := &jsonCompliance{Framework: c.Framework, Pass: c.Pass, Fail: c.Fail, NotApplicable: c.NotApplicable, Controls: []jsonControl{}}
		for _, cr := range c.Controls {
			jc.Controls = append(jc.Controls, jsonControl{
				Control: cr.Control, Status: cr.Status, Rules: nonNil(cr.Rules), Resources: nonNil(cr.Resources),
				Failing: nonNil(cr.Failing), Findings: cr.Findings, Suppressed: cr.Suppressed,
			})
		}
		out.Compliance = jc
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
