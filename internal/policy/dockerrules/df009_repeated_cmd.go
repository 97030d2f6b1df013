package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func repeatedCmd() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-009",
			Title:    "More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage",
			Severity: rule.Low,
			Rationale: "Only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage take effect; the earlier ones are dead " +
				"code that misleads whoever reads the file about what the container runs.",
			Remediation:   "Keep one of each per stage and delete the others.",
			FixDockerfile: `CMD ["node", "server.js"]`,
			NIST:          []string{"CM-6"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, s := range d.Stages {
				seen := map[string]int{}
				for _, c := range s.Commands {
					var kind string
					switch c.(type) {
					case *instructions.CmdCommand:
						kind = "CMD"
					case *instructions.EntrypointCommand:
						kind = "ENTRYPOINT"
					case *instructions.HealthCheckCommand:
						kind = "HEALTHCHECK"
					default:
						continue
					}
					if prev, ok := seen[kind]; ok {
						out = append(out, d.finding(lineOf(c), "%s overrides the %s on line %d of the same stage", kind, kind, prev))
					}
					seen[kind] = lineOf(c)
				}
			}
			return out
		},
	}
}
