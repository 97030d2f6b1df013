package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func aptInScripts() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-035",
			Title:    "apt used instead of apt-get",
			Severity: rule.Info,
			Rationale: "apt is the interactive front end: its output and behaviour may change between releases and it " +
				"warns that it has no stable command-line interface. apt-get is meant for scripts.",
			Remediation:   "Use apt-get (and apt-cache) in Dockerfiles.",
			FixDockerfile: "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*",
			NIST:          []string{"CM-6"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				for _, c := range r.cmds {
					if c.name() == "apt" && len(c.args()) > 0 {
						out = append(out, d.finding(r.line, "apt has no stable command-line interface; use apt-get"))
						break
					}
				}
			}
			return out
		},
	}
}
