package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func healthcheckMissing() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-023",
			Title:    "No HEALTHCHECK in the final stage",
			Severity: rule.Info,
			Rationale: "Without a HEALTHCHECK a process that is alive but wedged looks healthy to Docker and to the " +
				"ECS container health check, and is never replaced. (A load balancer's HTTP check covers web services behind one.)",
			Remediation:   "Add a HEALTHCHECK that uses a tool the runtime image has, or HEALTHCHECK NONE to say the check lives elsewhere.",
			FixDockerfile: "HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD [\"wget\", \"-qO-\", \"http://127.0.0.1:8080/health\"]",
			NIST:          []string{"CP-10", "SI-4"},
			CIS:           []string{"4.6"},
		},
		Check: func(d *Dockerfile) []Finding {
			final := d.Final()
			for _, s := range d.chain(final) {
				for _, c := range s.Commands {
					if _, ok := c.(*instructions.HealthCheckCommand); ok {
						return nil
					}
				}
			}
			return []Finding{d.finding(final.Line, "the final stage has no HEALTHCHECK")}
		},
	}
}
