package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// TextOptions tune the text output.
type TextOptions struct {
	// Color writes severities in ANSI colours (the CLI sets it for a
	// terminal without NO_COLOR).
	Color bool
	// HideSuppressed leaves suppressed findings out of the list (they are
	// still counted).
	HideSuppressed bool
}

var colors = map[rule.Severity]string{
	rule.Critical: "\x1b[1;31m",
	rule.High:     "\x1b[31m",
	rule.Medium:   "\x1b[33m",
	rule.Low:      "\x1b[36m",
	rule.Info:     "\x1b[2m",
}

const reset = "\x1b[0m"

// Text writes the findings grouped by file, then a summary line.
//
//	infra/stack.yaml
//	  3:3    high      HOIST-S3-901  Logs: bucket Logs has no BucketEncryption
//	                   fix: Set BucketEncryption.
func Text(w io.Writer, r *policy.Report, opts TextOptions) error {
	var b strings.Builder
	file := "\x00"
	for _, f := range r.Findings {
		if f.Suppressed && opts.HideSuppressed {
			continue
		}
		if f.File != file {
			if file != "\x00" {
				b.WriteString("\n")
			}
			file = f.File
			b.WriteString(cmpOr(file, "(no file)") + "\n")
		}
		pos := "-"
		if f.Line > 0 {
			pos = fmt.Sprintf("%d:%d", f.Line, max(f.Column, 1))
		}
		sev := fmt.Sprintf("%-8s", f.Severity)
		if f.Suppressed {
			sev = fmt.Sprintf("%-8s", "ignored")
		}
		if opts.Color {
			c := colors[f.Severity]
			if f.Suppressed {
				c = colors[rule.Info]
			}
			sev = c + sev + reset
		}
		fmt.Fprintf(&b, "  %-7s %s  %s  %s\n", pos, sev, f.RuleID, resultMessage(f))
		indent := strings.Repeat(" ", 19)
		if f.Suppressed {
			fmt.Fprintf(&b, "%ssuppressed (%s): %s\n", indent, f.SuppressedBy, f.SuppressionReason)
		} else if f.Remediation != "" {
			fmt.Fprintf(&b, "%sfix: %s\n", indent, f.Remediation)
		}
	}
	if len(r.Findings) > 0 {
		b.WriteString("\n")
	}
	for _, e := range r.ExpiredSuppressions {
		fmt.Fprintf(&b, "expired suppression: %s:%d %s (expired %s)\n", e.File, e.Line, e.Rule, e.Expires)
	}
	b.WriteString(summaryLine(r) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// summaryLine: "3 findings (1 critical, 1 high, 1 medium), 1 suppressed;
// 1 file, 3 resources, 4 rules".
func summaryLine(r *policy.Report) string {
	s := r.Summary
	open := s.Total - s.Suppressed
	var parts []string
	for sev := rule.Critical; sev >= rule.Info; sev-- {
		if n := s.BySeverity[sev.String()]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, sev))
		}
	}
	line := plural(open, "finding", "findings")
	if len(parts) > 0 {
		line += " (" + strings.Join(parts, ", ") + ")"
	}
	if s.Suppressed > 0 {
		line += fmt.Sprintf(", %d suppressed", s.Suppressed)
	}
	return fmt.Sprintf("%s; %s, %s, %s", line, plural(s.FilesScanned, "file", "files"),
		plural(s.ResourcesScanned, "resource", "resources"), plural(s.Rules, "rule", "rules"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
