package dockerrules

import (
	"regexp"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func remoteScriptToShell() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-019",
			Title:    "Remote script piped into a shell",
			Severity: rule.Medium,
			Rationale: "curl ... | sh runs whatever the server sends, unreviewed and unverified, with the build's " +
				"privileges; a compromised or changed script goes straight into the image.",
			Remediation:   "Download the script or binary to a file, check it against a known sha256 (sha256sum -c), then run it; better, install a pinned package.",
			FixDockerfile: "RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n    && echo \"<sha256>  /tmp/install.sh\" | sha256sum -c - \\\n    && sh /tmp/install.sh && rm /tmp/install.sh",
			NIST:          []string{"SI-7", "SR-11"},
			CIS:           []string{"4.11"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				if what := remoteToShell(r); what != "" {
					out = append(out, d.finding(r.line, "%s runs a downloaded script without verifying it", what))
				}
			}
			return out
		},
	}
}

var (
	interpreterName = regexp.MustCompile(`^(sh|bash|dash|ash|zsh|ksh|python[0-9.]*|perl|ruby|node|php)$`)
	substitutedRun  = regexp.MustCompile(`(\$\(|<\(|` + "`" + `)\s*(curl|wget)\b`)
	processSubst    = regexp.MustCompile(`\b(sh|bash|zsh)\s+<\(\s*(curl|wget)\b`)
)

// remoteToShell describes a download piped or substituted into an
// interpreter in r, or returns "".
func remoteToShell(r *run) string {
	for i, c := range r.cmds {
		if (c.name() != "curl" && c.name() != "wget") || !c.pipeOut {
			continue
		}
		for _, next := range r.cmds[i+1:] {
			if next.pipeline != c.pipeline {
				break
			}
			if interpreterName.MatchString(next.name()) {
				return c.name() + " | " + next.name()
			}
		}
	}
	for _, c := range r.cmds {
		if !interpreterName.MatchString(c.name()) {
			continue
		}
		if substitutedRun.MatchString(strings.Join(c.args(), " ")) {
			return c.name() + " $(" + "curl/wget" + ")"
		}
	}
	// bash <(curl ...) is split by the reader; look at the text.
	if r.shellForm && processSubst.MatchString(strings.Join(r.cmd.CmdLine, " ")) {
		return "a shell reading <(curl/wget)"
	}
	return ""
}
