package dockerrules

import "github.com/hoist-dev/hoist/internal/policy/rule"

func sudoInRun() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-004",
			Title:    "sudo used in RUN",
			Severity: rule.Medium,
			Rationale: "Build steps already run as the current USER; sudo in a RUN means the image carries sudo and " +
				"a sudoers entry, so the unprivileged runtime user can become root again, and it hides which user a step really needs.",
			Remediation:   "Run the privileged steps before switching USER (or switch back to root for them with USER root and back afterwards), and do not install sudo.",
			FixDockerfile: "USER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 10001",
			NIST:          []string{"AC-6", "CM-7"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				for _, c := range r.cmds {
					if c.sudo {
						out = append(out, d.finding(r.line, "RUN uses sudo (%s)", c.name()))
						break
					}
				}
			}
			return out
		},
	}
}
