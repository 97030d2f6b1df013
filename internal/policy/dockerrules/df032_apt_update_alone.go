package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func aptUpdateAlone() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-032",
			Title:    "apt-get update in a RUN of its own",
			Severity: rule.Low,
			Rationale: "The layer of a lone apt-get update is cached, so a later apt-get install, in its own RUN, can " +
				"install from a package index weeks old, missing security updates, or fail when the mirror moved on.",
			Remediation:   "Run apt-get update and apt-get install in the same RUN.",
			FixDockerfile: "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*",
			NIST:          []string{"SI-2", "CM-2"},
			CIS:           []string{"4.7"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				update, other := "", false
				for _, c := range r.cmds {
					sub, _, _, ok := aptSub(c)
					if !ok {
						continue
					}
					switch sub {
					case "update":
						update = c.name()
					case "install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "source", "download", "reinstall":
						other = true
					}
				}
				if update != "" && !other {
					out = append(out, d.finding(r.line, "%s update without an install in the same RUN", update))
				}
			}
			return out
		},
	}
}
