package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy"
)

// Markdown writes a summary and a table of the findings, then the
// suppressed ones, for pull request comments and job summaries.
func Markdown(w io.Writer, r *policy.Report) error {
	var b strings.Builder
	b.WriteString("## Hoist policy check\n\n")
	b.WriteString(summaryLine(r) + ".\n")
	var open, quiet []policy.Finding
	for _, f := range r.Findings {
		if f.Suppressed {
			quiet = append(quiet, f)
		} else {
			open = append(open, f)
		}
	}
	if len(open) > 0 {
		b.WriteString("\n| Severity | Rule | Location | Resource | Finding |\n|---|---|---|---|---|\n")
		for _, f := range open {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", f.Severity, ruleLink(f), location(f), cell(f.Resource), cell(f.Message))
		}
	}
	if len(quiet) > 0 {
		b.WriteString("\n### Suppressed\n\n| Rule | Location | Resource | Reason |\n|---|---|---|---|\n")
		for _, f := range quiet {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", ruleLink(f), location(f), cell(f.Resource), cell(f.SuppressionReason))
		}
	}
	if len(r.ExpiredSuppressions) > 0 {
		b.WriteString("\n### Expired suppressions\n\n| Rule | Location | Expired | Reason |\n|---|---|---|---|\n")
		for _, e := range r.ExpiredSuppressions {
			fmt.Fprintf(&b, "| %s | `%s:%d` | %s | %s |\n", cell(e.Rule), e.File, e.Line, e.Expires, cell(e.Reason))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ComplianceMarkdown writes the control-by-control table of a compliance
// view.
func ComplianceMarkdown(w io.Writer, c *policy.Compliance) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Compliance: %s\n\n", frameworkTitle(c.Framework))
	fmt.Fprintf(&b, "%d controls: %d pass, %d fail, %d not applicable.\n\n", len(c.Controls), c.Pass, c.Fail, c.NotApplicable)
	b.WriteString("| Control | Status | Rules | Resources checked | Failing |\n|---|---|---|---|---|\n")
	for _, cr := range c.Controls {
		status := cr.Status
		switch cr.Status {
		case policy.StatusPass:
			status = "✅ pass"
		case policy.StatusFail:
			status = "❌ fail"
		case policy.StatusNotApplicable:
			status = "➖ not applicable"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s |\n", cr.Control, status, cell(strings.Join(cr.Rules, ", ")),
			len(cr.Resources), cell(strings.Join(cr.Failing, ", ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func frameworkTitle(fw string) string {
	switch fw {
	case policy.FrameworkNIST:
		return "NIST SP 800-53 Rev. 5"
	case policy.FrameworkFedRAMPLow:
		return "FedRAMP Low (NIST SP 800-53 Rev. 5 controls)"
	case policy.FrameworkFedRAMPModerate:
		return "FedRAMP Moderate (NIST SP 800-53 Rev. 5 controls)"
	case policy.FrameworkCIS:
		return "CIS AWS Foundations Benchmark v3.0"
	}
	return fw
}

func ruleLink(f policy.Finding) string {
	if f.DocURL == "" {
		return cell(f.RuleID)
	}
	return fmt.Sprintf("[%s](%s)", cell(f.RuleID), f.DocURL)
}

func location(f policy.Finding) string {
	if f.Line <= 0 {
		return "`" + cell(f.File) + "`"
	}
	return fmt.Sprintf("`%s:%d`", cell(f.File), f.Line)
}

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "\\", "\\\\")
	s = strings.ReplaceAll(s, "|", "\\|")
	s = strings.ReplaceAll(s, "\r", "")
	return strings.ReplaceAll(s, "\n", "<br>")
}
