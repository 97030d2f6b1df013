package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func cdInRun() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-021",
			Title:    "cd in RUN instead of WORKDIR",
			Severity: rule.Info,
			Rationale: "A cd lasts only for its RUN, so the next instruction silently runs elsewhere; WORKDIR states " +
				"the directory once and for every following instruction.",
			Remediation:   "Set WORKDIR to the directory before the RUN (or run the tool with its own directory flag, such as npm --prefix or make -C).",
			FixDockerfile: "WORKDIR /app/web\nRUN npm run build",
			NIST:          []string{"CM-6"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				for _, c := range r.cmds {
					if c.name() == "cd" {
						out = append(out, d.finding(r.line, "RUN changes directory with cd; use WORKDIR"))
						break
					}
				}
			}
			return out
		},
	}
}
