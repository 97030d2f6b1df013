package dockerrules

import (
	"regexp"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func workdirRelative() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-020",
			Title:    "WORKDIR with a relative path",
			Severity: rule.Low,
			Rationale: "A relative WORKDIR is resolved against whatever the previous WORKDIR was, including one set by " +
				"the base image; the files end up somewhere that changes when the base image does.",
			Remediation:   "Use an absolute path.",
			FixDockerfile: "WORKDIR /app",
			NIST:          []string{"CM-6"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, s := range d.Stages {
				for _, c := range s.Commands {
					w, ok := c.(*instructions.WorkdirCommand)
					if !ok {
						continue
					}
					p := strings.Trim(w.Path, `"'`)
					if strings.HasPrefix(p, "/") || strings.HasPrefix(p, "$") || windowsPath.MatchString(p) {
						continue
					}
					out = append(out, d.finding(lineOf(w), "WORKDIR %s is relative", w.Path))
				}
			}
			return out
		},
	}
}

var windowsPath = regexp.MustCompile(`^([A-Za-z]:|\\)`)
