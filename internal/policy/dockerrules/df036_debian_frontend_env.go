package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func debianFrontendEnv() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-036",
			Title:    "DEBIAN_FRONTEND set with ENV",
			Severity: rule.Info,
			Rationale: "ENV persists into the running container, where DEBIAN_FRONTEND=noninteractive surprises anyone " +
				"who runs apt in it to debug; the setting is only meant for the build.",
			Remediation:   "Use ARG DEBIAN_FRONTEND=noninteractive, or set it inline on the apt-get command.",
			FixDockerfile: "ARG DEBIAN_FRONTEND=noninteractive",
			NIST:          []string{"CM-6"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, s := range d.Stages {
				for _, c := range s.Commands {
					e, ok := c.(*instructions.EnvCommand)
					if !ok {
						continue
					}
					for _, kv := range e.Env {
						if kv.Key == "DEBIAN_FRONTEND" {
							out = append(out, d.finding(lineOf(e), "ENV DEBIAN_FRONTEND persists into the running container; use ARG"))
						}
					}
				}
			}
			return out
		},
	}
}
